using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guichet.Runtime.Workflows;

/// <summary>The serializer options the runtime uses for states and payloads: web defaults, enums as strings.</summary>
public static class WorkflowJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
