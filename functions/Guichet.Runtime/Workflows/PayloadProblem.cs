using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Guichet.Runtime.Workflows;

/// <summary>
/// Says why a JSON payload does not bind to its record in the words of JSON, never of .NET: the field, by its path in
/// the payload (<c>person.birthDate</c>, <c>tags[1]</c>), and the kind of value it takes (a number, a string, a
/// boolean, an object, an array, a date), so that a sender reads what to change, and no type name leaks out.
/// </summary>
internal static partial class PayloadProblem
{
    private enum JsonKind
    {
        Unknown,
        Any,
        Object,
        Array,
        String,
        Number,
        WholeNumber,
        Boolean,
        Date,
        Choice,
    }

    /// <summary>The first problem found walking the payload against its record; else what the failure itself says, cleaned.</summary>
    public static string Describe(JsonElement payload, Type type, JsonSerializerOptions options, Exception failure) =>
        Find(payload, type, options, string.Empty) ?? FromFailure(failure);

    private static string? Find(JsonElement value, Type type, JsonSerializerOptions options, string path)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return value.ValueKind == JsonValueKind.Null ? null : Find(value, underlying, options, path);
        }

        var info = options.GetTypeInfo(type);
        var kind = KindOf(type, info);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return type.IsValueType && kind != JsonKind.Any ? $"{Name(path)} must not be null" : null;
        }

        return kind switch
        {
            JsonKind.Object when info.Kind == JsonTypeInfoKind.Dictionary =>
                value.ValueKind != JsonValueKind.Object ? Mismatch(path, kind, value) : Entries(value, info.ElementType!, options, path),
            JsonKind.Object => value.ValueKind != JsonValueKind.Object ? Mismatch(path, kind, value) : Fields(value, info, options, path),
            JsonKind.Array => value.ValueKind != JsonValueKind.Array ? Mismatch(path, kind, value) : Items(value, info.ElementType!, options, path),
            JsonKind.Unknown or JsonKind.Any => null,
            _ when !Matches(kind, value.ValueKind) => Mismatch(path, kind, value),
            _ => Binds(value, type, options) ? null : OutOfForm(path, kind, type),
        };
    }

    private static string? Fields(JsonElement value, JsonTypeInfo info, JsonSerializerOptions options, string path)
    {
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var properties = info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).ToDictionary(p => p.Name, comparer);
        foreach (var field in value.EnumerateObject())
        {
            var at = Join(path, field.Name);
            if (!properties.TryGetValue(field.Name, out var property))
            {
                if (options.UnmappedMemberHandling == JsonUnmappedMemberHandling.Disallow)
                {
                    return $"{Name(at)} is not a field of this record (its fields: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))})";
                }

                continue;
            }

            var problem = field.Value.ValueKind == JsonValueKind.Null && !NullAllowed(property, options)
                ? $"{Name(at)} must not be null"
                : Find(field.Value, property.PropertyType, options, at);
            if (problem is not null)
            {
                return problem;
            }
        }

        var missing = properties.Values.FirstOrDefault(p => Required(p, options) && !value.EnumerateObject().Any(f => comparer.Equals(f.Name, p.Name)));
        return missing is null ? null : $"{Name(Join(path, missing.Name))} is required";
    }

    private static string? Items(JsonElement value, Type element, JsonSerializerOptions options, string path)
    {
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Find(item, element, options, $"{path}[{index++}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Entries(JsonElement value, Type element, JsonSerializerOptions options, string path) =>
        value.EnumerateObject().Select(e => Find(e.Value, element, options, Join(path, e.Name))).FirstOrDefault(p => p is not null);

    private static JsonKind KindOf(Type type, JsonTypeInfo info) => info.Kind switch
    {
        JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => JsonKind.Object,
        JsonTypeInfoKind.Enumerable => JsonKind.Array,
        _ when type == typeof(JsonElement) || type == typeof(object) || typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type) => JsonKind.Any,
        _ when type.IsEnum => JsonKind.Choice,
        _ when type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(TimeSpan) || type == typeof(TimeOnly) => JsonKind.String,
        _ when type == typeof(bool) => JsonKind.Boolean,
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) => JsonKind.Date,
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Half) => JsonKind.Number,
        _ when type.IsPrimitive || type == typeof(Int128) || type == typeof(UInt128) => JsonKind.WholeNumber,
        _ => JsonKind.Unknown, // a type with a converter of its own: its failure says what it expects
    };

    private static bool Matches(JsonKind kind, JsonValueKind value) => kind switch
    {
        JsonKind.Number or JsonKind.WholeNumber => value == JsonValueKind.Number,
        JsonKind.Boolean => value is JsonValueKind.True or JsonValueKind.False,
        JsonKind.Choice => value is JsonValueKind.String or JsonValueKind.Number,
        _ => value == JsonValueKind.String,
    };

    private static bool Binds(JsonElement value, Type type, JsonSerializerOptions options)
    {
        try
        {
            _ = value.Deserialize(type, options);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool NullAllowed(JsonPropertyInfo property, JsonSerializerOptions options) =>
        (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
        && (!options.RespectNullableAnnotations || (property.AssociatedParameter?.IsNullable ?? property.IsSetNullable));

    private static bool Required(JsonPropertyInfo property, JsonSerializerOptions options) =>
        property.IsRequired
        || (options.RespectRequiredConstructorParameters && property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false });

    private static string Mismatch(string path, JsonKind kind, JsonElement value) => $"{Name(path)} must be {Words(kind)}, not {Actual(value.ValueKind)}";

    private static string OutOfForm(string path, JsonKind kind, Type type) => kind switch
    {
        JsonKind.Date => $"{Name(path)} must be a date (ISO 8601{(type == typeof(DateOnly) ? ", yyyy-MM-dd" : string.Empty)})",
        JsonKind.Choice => $"{Name(path)} must be one of: {string.Join(", ", Enum.GetNames(type))}",
        JsonKind.WholeNumber => $"{Name(path)} must be a whole number within range",
        JsonKind.Number => $"{Name(path)} must be a number within range",
        _ => $"{Name(path)} does not have the expected form",
    };

    private static string Words(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.Number => "a number",
        JsonKind.WholeNumber => "a whole number",
        JsonKind.Boolean => "a boolean",
        JsonKind.Date => "a date (ISO 8601 text)",
        JsonKind.Choice => "one of the names it accepts (text)",
        _ => "a string",
    };

    private static string Actual(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>
    /// A failure the walk did not explain (a type with a converter of its own): its message when the converter wrote one
    /// for people, with the field; the field alone when the message is the serializer's, which names .NET types.
    /// </summary>
    private static string FromFailure(Exception failure)
    {
        var path = failure is JsonException { Path: { Length: > 1 } at } ? at.TrimStart('$', '.') : string.Empty;
        var message = failure.Message;
        return failure is JsonException && !NamesDotNet().IsMatch(message) && !message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"{Name(path)}: {message.TrimEnd('.')}"
            : $"{Name(path)} does not have the expected form";
    }

    private static string Name(string path) => path.Length == 0 ? "the payload" : $"'{path}'";

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    [GeneratedRegex(@"\b(System|Microsoft|Guichet)\.|Path: \$")]
    private static partial Regex NamesDotNet();
}
