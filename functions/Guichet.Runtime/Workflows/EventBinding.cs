using System.Text.Json;

namespace Guichet.Runtime.Workflows;

/// <summary>Binds a JSON payload to a record strictly, or says which field is wrong.</summary>
internal static class EventBinding
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static T Bind<T>(JsonElement payload, string what) => (T)Bind(payload, typeof(T), what);

    /// <summary>An absent or null payload binds as an empty object, so that an event without fields needs none.</summary>
    public static object Bind(JsonElement payload, Type type, string what)
    {
        var json = payload.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? EmptyObject : payload;
        try
        {
            return json.Deserialize(type, WorkflowJson.Binding)
                ?? throw new EventBindingException($"The payload of {what} is null.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // The serializer's messages name .NET types; the sender reads the field and the JSON it takes instead.
            throw new EventBindingException($"The payload of {what} does not fit its record: {PayloadProblem.Describe(json, type, WorkflowJson.Binding, ex)}.", ex);
        }
    }
}
