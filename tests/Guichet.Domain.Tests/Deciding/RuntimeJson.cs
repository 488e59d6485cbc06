using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guichet.Domain.Tests.Deciding;

/// <summary>
/// The runtime's JSON conventions (Guichet.Runtime's WorkflowJson, which the domain does not reference): states and
/// payloads written with web defaults and enums as strings, inputs and events read strictly.
/// </summary>
internal static class RuntimeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly JsonSerializerOptions Binding = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>A state as the runtime stores it and reads it back.</summary>
    public static T Stored<T>(T state) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(state, Options), Options)!;

    /// <summary>A payload as one instance sends it and the target binds it to the record its catalog names.</summary>
    public static object Delivered(object payload, Type type) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), Options), type, Binding)!;
}
