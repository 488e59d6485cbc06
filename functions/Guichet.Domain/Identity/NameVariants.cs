using System.Collections.Frozen;

namespace Guichet.Domain.Identity;

/// <summary>
/// Spellings of one given name that the spelling rules alone do not bring together, because a vowel changes with
/// the language it went through (Mohamed, Muhammad, Mehmet, Mahamat). Small on purpose: each group is a name
/// the region's requests carry often, and a group only ever makes a match <em>possible</em>, for a person to decide.
/// The first spelling of a group is its canonical form.
/// </summary>
public static class NameVariants
{
    /// <summary>The groups of variants, by the region's usual spelling first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups { get; } =
    [
        // Maghreb, Middle East, Turkey, Sahel
        ["Mohamed", "Mohammed", "Mohamad", "Mohammad", "Muhammad", "Muhamed", "Mouhamed", "Mouhamad", "Mohamet", "Mehmet", "Mahamat"],
        ["Youssef", "Yousef", "Yusuf", "Youssouf", "Yousouf", "Youcef", "Yussuf"],
        ["Ibrahim", "Ibrahima", "Brahim", "Ebrahim"],
        ["Abdallah", "Abdullah", "Abdellah", "Abdoulah"],
        ["Abdelkader", "Abdelkadir", "Abdulkadir", "Abdoulkader", "Abdulkader"],
        ["Aïcha", "Aisha", "Aysha", "Aïchatou"],
        ["Omar", "Oumar", "Umar"],
        ["Ousmane", "Usman", "Osman", "Othmane", "Outhmane", "Uthman"],
        ["Hocine", "Hussein", "Houssein", "Hussain", "Husain", "Houcine", "Husayn"],
        ["Mustapha", "Mostafa", "Moustafa"],
        ["Khadija", "Kadidia", "Kadiatou", "Khadidiatou"],
        ["Saïd", "Sayed", "Sayid", "Saeed"],
        // West Africa
        ["Fatoumata", "Fatimata", "Fatoumatta"],
        ["Mamadou", "Mamoudou", "Mahamadou"],
        ["Amadou", "Ahmadou", "Hamadou"],
        // Eastern Europe
        ["Aleksandr", "Alexandre", "Alexander", "Aleksander", "Oleksandr", "Alexandru"],
        ["Dmitri", "Dimitri", "Dmitry", "Dmytro"],
        ["Sergueï", "Sergei", "Sergey", "Serhii", "Serhiy", "Sergiu"],
        ["Vladimir", "Wladimir", "Volodymyr"],
        ["Mikhail", "Mihail", "Mykhailo", "Mihai"],
        ["Nikolaï", "Nicolae", "Mykola", "Nikolay"],
        ["Iouri", "Yuri", "Youri", "Yuriy", "Jurij"],
        ["Ioan", "Ion", "Ivan", "Iwan"],
    ];

    private static readonly FrozenDictionary<string, string> Canonical = Build();

    /// <summary>The canonical spelling of a word already through the spelling rules, or the word itself.</summary>
    internal static string Fold(string ruled) => Canonical.GetValueOrDefault(ruled, ruled);

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var target = Key(group[0]);
            // A canonical form that another group claims would fold twice; the table is wrong, say so at once.
            if (map.TryGetValue(target, out var other) && other != target)
            {
                throw new InvalidOperationException($"Name variants: '{group[0]}' is already a variant of '{other}'.");
            }

            map[target] = target;
            foreach (var spelling in group)
            {
                map.TryAdd(Key(spelling), target);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Key(string spelling) => SpellingRules.Apply(IdentityNormalization.Normalize(spelling));
}
