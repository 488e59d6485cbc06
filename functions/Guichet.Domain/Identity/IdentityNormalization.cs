using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Guichet.Domain.Identity;

/// <summary>
/// Puts names in the form identity matching compares, in two steps. <see cref="Normalize"/> keeps the spelling
/// but drops what registries and keyboards change: accents, case, hyphens, apostrophes, dots and extra spaces
/// ("N'Diaye-Koné" → "n diaye kone"). <see cref="Canonical"/> goes further and folds spelling variants of one
/// name, as transliterations from Arabic, Wolof, Bambara, Russian or Ukrainian produce them ("Mohammed" and
/// "Muhammad" → "mohamed"); see <see cref="NameVariants"/>. Both are idempotent.
/// </summary>
public static class IdentityNormalization
{
    // Particles and civil-status words that registries keep or drop at will: "El Amrani" and "Amrani", "Koné
    // épouse Traoré". They are left out of the tokens that match, but kept in the compact form ("elamrani").
    private static readonly FrozenSet<string> Ignored = FrozenSet.ToFrozenSet(
        ["de", "du", "des", "d", "la", "le", "l", "el", "al", "van", "von", "der", "den", "da", "di", "do", "dos", "das", "y",
         "epouse", "ep", "epse", "nee", "veuve", "vve", "dit", "dite"],
        StringComparer.Ordinal);

    // Letters that Unicode decomposition does not reduce to a base letter and a mark.
    private static readonly FrozenDictionary<char, string> Ligatures = new Dictionary<char, string>
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i",
    }.ToFrozenDictionary();

    /// <summary>
    /// The name in lower case without accents, with every run of characters other than letters (hyphens,
    /// apostrophes, spaces, dots, digits) made one space, trimmed.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var current = name;
        // One pass is enough for any real name; a few more make it idempotent for any string whatsoever.
        for (var pass = 0; pass < 4; pass++)
        {
            var next = NormalizeOnce(current);
            if (next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The normalised words of a name, particles included ("el amrani" → el, amrani).</summary>
    public static IReadOnlyList<string> Words(string name) =>
        Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether a normalised word is a particle or civil-status word that matching leaves out ("el", "de", "épouse").</summary>
    public static bool IsIgnored(string word) => Ignored.Contains(word);

    /// <summary>
    /// The canonical form of one normalised word: spelling rules applied until nothing changes (ph → f, ou → u,
    /// y → i, doubled letters once…), then the table of known variants of one name.
    /// </summary>
    public static string Canonical(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return NameVariants.Fold(SpellingRules.Apply(word));
    }

    private static string NormalizeOnce(string name)
    {
        var lower = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(lower.Length);
        var space = false;
        foreach (var c in lower)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetter(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(Ligatures.TryGetValue(c, out var replacement) ? replacement : c.ToString());
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
