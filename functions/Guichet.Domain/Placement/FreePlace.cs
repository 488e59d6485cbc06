using Guichet.Domain.Structures;

namespace Guichet.Domain.Placement;

/// <summary>A free place (a vacancy) as the matching reads it: whose, of which device, where, what it offers, from when.</summary>
/// <param name="StructureId">The structure it belongs to.</param>
/// <param name="Device">Its device.</param>
/// <param name="Department">The structure's département, matched against the person's wishes.</param>
/// <param name="Features">What this place offers (the structure's features, or fewer for this place).</param>
/// <param name="AvailableFrom">The day it can be occupied; an entry date is not before it.</param>
public sealed record FreePlace(string StructureId, Device Device, Department Department, IReadOnlyList<PlaceFeature> Features, DateOnly AvailableFrom)
{
    /// <summary>A place of <paramref name="structure"/>, offering its features or only <paramref name="features"/>.</summary>
    public static FreePlace Of(Structure structure, DateOnly availableFrom, IReadOnlyList<PlaceFeature>? features = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return new(structure.Id, structure.Device, structure.Department, features ?? structure.Features, availableFrom);
    }

    /// <summary>
    /// Every violation of a place declared by <paramref name="structure"/>: of its device and département, offering
    /// only features the structure offers, each once.
    /// </summary>
    public IReadOnlyList<Violation> ValidateFor(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var violations = new List<Violation>();
        void Add(string path, string message) => violations.Add(new(path, message));
        if (StructureId != structure.Id || Device != structure.Device || Department != structure.Department)
        {
            Add("$", $"La place doit être celle de la structure {structure.Id} ({WireName.Of(structure.Device)}, {WireName.Of(structure.Department)}).");
        }

        StructureValidation.CheckFeatures(Features, "$.features", Add);
        foreach (var feature in (Features ?? []).Where(f => Enum.IsDefined(f) && !structure.Offers(f)).Distinct())
        {
            Add("$.features", $"La structure n'offre pas « {WireName.Of(feature)} » : une place n'offre que ce que sa structure offre.");
        }

        return violations;
    }
}
