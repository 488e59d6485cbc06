using System.Text.Json;
using System.Text.Json.Serialization;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Http;

/// <summary>
/// What a problem detail says of a body that does not bind: in French, naming the field, never the serializer's own
/// English text (it is shown to people, and names .NET types).
/// </summary>
internal static class JsonBody
{
    /// <summary>
    /// The runtime's strict binding, with enums by their names only: a number is no decision (0 would be the
    /// enum's first value, an admission).
    /// </summary>
    public static JsonSerializerOptions Strict { get; } = StrictOptions();

    /// <summary>The field the error is at, from its JSON path ("$.decision" is "decision"); "$" when the body as a whole.</summary>
    public static string FieldOf(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
    }

    /// <summary>The French detail for <paramref name="what"/> ("La réponse") that did not bind.</summary>
    public static string Unreadable(string what, JsonException error) => FieldOf(error) switch
    {
        "$" => $"{what} ne se lit pas : JSON mal formé, champ inconnu ou champ obligatoire manquant.",
        var field => $"{what} ne se lit pas : le champ « {field} » a une valeur inattendue (type ou valeur hors de la liste admise), ou n'est pas un champ attendu.",
    };

    private static JsonSerializerOptions StrictOptions()
    {
        var options = new JsonSerializerOptions(WorkflowJson.Binding);
        options.Converters.Clear();
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options;
    }
}
