using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guichet.Runtime.Workflows;

/// <summary>The serializer options the runtime uses for states and payloads: web defaults, enums as strings.</summary>
public static class WorkflowJson
{
    /// <summary>States, effects, outputs and messages.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Inputs and event payloads from outside: a missing required field, a null where none is allowed or an unknown field is refused.</summary>
    public static JsonSerializerOptions Binding { get; } = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
