using System.Globalization;
using System.Text.Json;

namespace Guichet.Domain.Intake;

/// <summary>
/// Reads the fields of one JSON object and records a <see cref="Violation"/> for each field that is missing, of
/// the wrong type or out of range, instead of stopping at the first: a prescriber fixes a rejected request in
/// one round. A null counts as absent. Fields not read by the end are reported as unknown by <see cref="Close"/>.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<Violation> _violations;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<Violation> violations)
    {
        _element = element;
        Path = path;
        _violations = violations;
    }

    /// <summary>The JSON path of this object.</summary>
    public string Path { get; }

    /// <summary>A reader of <paramref name="element"/>, or null (and a violation) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<Violation> violations)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new(element, path, violations);
        }

        violations.Add(new(path, $"Doit être un objet JSON, pas {KindInFrench(element.ValueKind)}."));
        return null;
    }

    /// <summary>The path of a field of this object, in dot notation, or in brackets when the name needs quoting.</summary>
    public string PathOf(string name) => Child(Path, name);

    /// <summary>The path of a field named <paramref name="name"/> under <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>The field's value, or null when absent or null (a violation when <paramref name="required"/>).</summary>
    public JsonElement? Field(string name, bool required)
    {
        _read.Add(name);
        if (_element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Add(PathOf(name), "Champ obligatoire manquant.");
        }

        return null;
    }

    /// <summary>A nested object, or null (with a violation when required or of the wrong type).</summary>
    public JsonObjectReader? Object(string name, bool required) =>
        Field(name, required) is { } value ? Open(value, PathOf(name), _violations) : null;

    /// <summary>A string field, trimmed of nothing; empty and blank strings are refused, as are control characters.</summary>
    public string? String(string name, bool required, int maxLength) =>
        Field(name, required) is { } value ? Text(value, PathOf(name), maxLength) : null;

    /// <summary>A boolean field, or null when absent or wrong.</summary>
    public bool? Boolean(string name, bool required)
    {
        if (Field(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(PathOf(name), $"Doit être un booléen (true ou false), pas {KindInFrench(value.ValueKind)}.");
        return null;
    }

    /// <summary>An integer field within [<paramref name="min"/>, <paramref name="max"/>], or null when absent or wrong.</summary>
    public int? Integer(string name, bool required, int min, int max)
    {
        if (Field(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Add(PathOf(name), string.Create(CultureInfo.InvariantCulture, $"Doit être un nombre entier entre {min} et {max}."));
        return null;
    }

    /// <summary>An enum field spelled as on the wire, or null (with a violation listing the accepted values).</summary>
    public T? Enum<T>(string name, bool required)
        where T : struct, Enum =>
        Field(name, required) is { } value ? EnumValue<T>(value, PathOf(name)) : null;

    /// <summary>
    /// An array field whose items are read by <paramref name="item"/> (which records their own violations and
    /// returns null for a wrong one); null when absent, not an array, or when any item is wrong.
    /// </summary>
    public IReadOnlyList<T>? Array<T>(string name, bool required, Func<JsonElement, string, T?> item)
        where T : struct
    {
        if (Field(name, required) is not { } value)
        {
            return null;
        }

        var path = PathOf(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"Doit être un tableau, pas {KindInFrench(value.ValueKind)}.");
            return null;
        }

        var items = new List<T>();
        var wrong = false;
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (item(element, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")) is { } read)
            {
                items.Add(read);
            }
            else
            {
                wrong = true;
            }
        }

        return wrong ? null : items;
    }

    /// <summary>Reports every field that was never read, and every field given twice.</summary>
    public void Close()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Add(PathOf(property.Name), "Champ en double : il ne doit apparaître qu'une fois.");
            }
            else if (!_read.Contains(property.Name))
            {
                Add(PathOf(property.Name), $"Champ inconnu du schéma {DossierRequest.SchemaName} (vérifiez son orthographe).");
            }
        }
    }

    /// <summary>
    /// A string value at <paramref name="path"/>: non-blank, at most <paramref name="maxLength"/> characters, and
    /// without control characters other than line breaks and tabs unless the caller checks characters itself.
    /// </summary>
    public string? Text(JsonElement value, string path, int maxLength, bool checkControl = true)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, $"Doit être une chaîne de caractères, pas {KindInFrench(value.ValueKind)}.");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(path, "Ne doit pas être vide.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"Trop long : {text.Length} caractères, {maxLength} au plus."));
            return null;
        }

        if (checkControl && text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(path, "Contient des caractères de contrôle.");
            return null;
        }

        return text;
    }

    /// <summary>An enum value at <paramref name="path"/>, spelled as on the wire.</summary>
    public T? EnumValue<T>(JsonElement value, string path)
        where T : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && WireName.TryParse<T>(value.GetString(), out var parsed))
        {
            return parsed;
        }

        var accepted = string.Join(", ", WireName.All<T>());
        Add(path, value.ValueKind == JsonValueKind.String
            ? $"Valeur inconnue « {value.GetString()} » : valeurs acceptées {accepted}."
            : $"Doit être une chaîne parmi {accepted}, pas {KindInFrench(value.ValueKind)}.");
        return null;
    }

    /// <summary>Records a violation found by the caller.</summary>
    public void Add(string path, string message) => _violations.Add(new(path, message));

    /// <summary>A JSON value kind, in French, for messages.</summary>
    public static string KindInFrench(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "un objet",
        JsonValueKind.Array => "un tableau",
        JsonValueKind.String => "une chaîne",
        JsonValueKind.Number => "un nombre",
        JsonValueKind.True or JsonValueKind.False => "un booléen",
        _ => "null",
    };
}
