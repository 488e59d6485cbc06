using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Guichet.Domain;

/// <summary>
/// The wire spelling of the domain's enums, read from their <see cref="JsonStringEnumMemberNameAttribute"/>, so
/// that the contract is written once, on the enum, and System.Text.Json writes the same spelling this parses.
/// </summary>
public static class WireName
{
    /// <summary>The wire spelling of <paramref name="value"/> ("street-or-squat", "ACT", "93").</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Spellings<T>.Names[value];

    /// <summary>Reads a wire spelling, exactly (case-sensitive); false for anything else, numbers included.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum => Spellings<T>.Values.TryGetValue(text ?? "", out value);

    /// <summary>A comma-separated list of wire spellings, as read-model rows hold lists; a spelling this version does not know is left out.</summary>
    public static List<T> ParseList<T>(string? values)
        where T : struct, Enum =>
        [.. (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => (Known: TryParse<T>(v, out var value), Value: value))
            .Where(v => v.Known)
            .Select(v => v.Value)];

    /// <summary>Every wire spelling of <typeparamref name="T"/>, in declaration order, for messages that list them.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Spellings<T>.Ordered;

    private static class Spellings<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
            .ToArray();

        public static readonly FrozenDictionary<T, string> Names = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(f => (T)f.GetValue(null)!, f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

        public static readonly FrozenDictionary<string, T> Values = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
