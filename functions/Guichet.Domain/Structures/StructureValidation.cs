using System.Globalization;

namespace Guichet.Domain.Structures;

/// <summary>What a structure may not be, every violation listed with its JSON path, as for intake and grids.</summary>
public static class StructureValidation
{
    private static readonly char[] KeyForbidden = ['/', '\\', '#', '?'];

    /// <summary>Every violation of <paramref name="structure"/>; empty when it may be registered.</summary>
    public static IReadOnlyList<Violation> Validate(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var violations = new List<Violation>();
        void Add(string path, string message) => violations.Add(new(path, message));

        if (string.IsNullOrWhiteSpace(structure.Id) || structure.Id.Length > 100 || structure.Id.IndexOfAny(KeyForbidden) >= 0 || structure.Id.Any(char.IsControl))
        {
            Add("$.id", "L'identifiant d'une structure est requis : 100 caractères au plus, sans / \\ # ? ni caractère de contrôle.");
        }

        if (string.IsNullOrWhiteSpace(structure.Name))
        {
            Add("$.name", "Le nom de la structure est requis.");
        }

        if (string.IsNullOrWhiteSpace(structure.Operator))
        {
            Add("$.operator", "L'organisme gestionnaire est requis.");
        }

        if (!Enum.IsDefined(structure.Device))
        {
            Add("$.device", $"Dispositif inconnu : valeurs acceptées {string.Join(", ", WireName.All<Device>())}.");
        }

        if (!Enum.IsDefined(structure.Department))
        {
            Add("$.department", $"Département hors de la région : valeurs acceptées {string.Join(", ", WireName.All<Department>())}.");
        }

        if (string.IsNullOrWhiteSpace(structure.Address))
        {
            Add("$.address", "L'adresse de la structure est requise.");
        }

        if (structure.Capacity < 1)
        {
            Add("$.capacity", "Une structure compte au moins une place autorisée.");
        }

        if (!Enum.IsDefined(structure.Housing))
        {
            Add("$.housing", $"Forme d'hébergement inconnue : valeurs acceptées {string.Join(", ", WireName.All<HousingForm>())}.");
        }

        CheckFeatures(structure.Features, "$.features", Add);
        return violations;
    }

    /// <summary>Adds a violation for each feature that is unknown or given twice.</summary>
    public static void CheckFeatures(IReadOnlyList<PlaceFeature>? features, string path, Action<string, string> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        if (features is null)
        {
            add(path, "La liste des caractéristiques est requise (elle peut être vide).");
            return;
        }

        var seen = new HashSet<PlaceFeature>();
        for (var i = 0; i < features.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (!Enum.IsDefined(features[i]))
            {
                add(at, $"Caractéristique inconnue : valeurs acceptées {string.Join(", ", WireName.All<PlaceFeature>())}.");
            }
            else if (!seen.Add(features[i]))
            {
                add(at, $"La caractéristique « {WireName.Of(features[i])} » est donnée deux fois.");
            }
        }
    }
}
