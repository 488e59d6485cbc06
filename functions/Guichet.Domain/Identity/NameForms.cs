namespace Guichet.Domain.Identity;

/// <summary>
/// The forms of one name field (a last name, or the first names) that matching and blocking compare, computed
/// once: what <see cref="IdentityMatch"/> calls equal, <see cref="BlockingKeys"/> puts in a common key.
/// </summary>
internal sealed class NameForms
{
    private NameForms(string exact, string compact, string joined, HashSet<string> tokens)
    {
        Exact = exact;
        Compact = compact;
        Joined = joined;
        Tokens = tokens;
    }

    /// <summary>The normalised name without spaces: equal for "N'Diaye" and "Ndiaye", for "Jean-Pierre" and "Jean Pierre".</summary>
    public string Exact { get; }

    /// <summary>The canonical form of <see cref="Exact"/> as one word ("abdelkader" for "Abd El Kader").</summary>
    public string Compact { get; }

    /// <summary>The canonical form of each word, particles included, joined without spaces ("mohamedali" for "Muhammad Ali").</summary>
    public string Joined { get; }

    /// <summary>The canonical words of two letters or more, particles left out: what partial names share.</summary>
    public HashSet<string> Tokens { get; }

    /// <summary>Every form a blocking key is made of: the words, and the two compact forms (even of one letter, so that "X" meets "X").</summary>
    public IEnumerable<string> Pool => Tokens.Append(Compact).Append(Joined).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary>The forms of a name as given.</summary>
    public static NameForms Of(string name)
    {
        var words = IdentityNormalization.Words(name);
        var canonical = words.Select(IdentityNormalization.Canonical).ToArray();
        var exact = string.Concat(words);
        var tokens = canonical.Where((_, i) => words[i].Length >= 2 && !IdentityNormalization.IsIgnored(words[i])).ToHashSet(StringComparer.Ordinal);
        // A name of one word is its own compact form: no need to fold it twice.
        var compact = words.Count == 1 ? canonical[0] : IdentityNormalization.Canonical(exact);
        return new(exact, compact, string.Concat(canonical), tokens);
    }

    /// <summary>Whether two fields are the same name up to spelling variants: one of their compact forms, or their word sets, agree.</summary>
    public bool IsVariantOf(NameForms other) =>
        (Compact.Length > 0 && (Compact == other.Compact || Compact == other.Joined))
        || (Joined.Length > 0 && (Joined == other.Joined || Joined == other.Compact))
        || (Tokens.Count > 0 && Tokens.SetEquals(other.Tokens));

    /// <summary>Whether this field shares a word or a compact form with any of <paramref name="shared"/>.</summary>
    public bool Meets(HashSet<string> shared) => Pool.Any(shared.Contains);
}
