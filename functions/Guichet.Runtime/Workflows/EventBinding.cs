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
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 1 } path ? $" at '{path.TrimStart('$', '.')}'" : string.Empty;
            throw new EventBindingException($"The payload of {what} does not fit its record{field}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new EventBindingException($"The payload of {what} does not fit its record: {ex.Message}", ex);
        }
    }
}
