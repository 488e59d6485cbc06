using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guichet.Host.Intake;

/// <summary>
/// How the intake writes its rows' JSON columns and its rejected messages: web names, nulls left out, and French
/// text unescaped (these are never embedded in HTML), so that a size bound on the text is a bound on the JSON.
/// </summary>
internal static class IntakeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
