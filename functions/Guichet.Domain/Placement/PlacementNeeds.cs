using System.Text.Json.Serialization;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Placement;

/// <summary>What a waiting person needs of a place: the device, the household that comes along, care needs, where to live.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Device">Its device.</param>
/// <param name="Sex">The person's sex (a women-only place takes women only).</param>
/// <param name="CareNeeds">The medical reading's needs.</param>
/// <param name="Partner">Whether a partner comes along.</param>
/// <param name="Children">How many children come along.</param>
/// <param name="Pets">Whether a pet comes along.</param>
/// <param name="WishedDepartments">Where the person wishes to live; empty means anywhere in the region.</param>
public sealed record PlacementNeeds(
    string DossierId,
    Device Device,
    Sex Sex,
    IReadOnlyList<CareNeed> CareNeeds,
    bool Partner,
    int Children,
    bool Pets,
    IReadOnlyList<Department> WishedDepartments)
{
    /// <summary>
    /// The needs a waiting-list row holds; a spelling this version does not know is left out. The care needs are the
    /// medical reading's, plus substance use and reduced mobility when a request declares them and the reader left them out.
    /// </summary>
    public static PlacementNeeds Of(WaitingListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.DossierId,
            WireName.TryParse<Device>(row.Device, out var device) ? device : throw new ArgumentException($"Waiting-list row {row.DossierId} has an unknown device '{row.Device}'.", nameof(row)),
            WireName.TryParse<Sex>(row.Sex, out var sex) ? sex : Sex.Unknown,
            CareNeedsOf(row),
            row.Partner,
            row.Children,
            row.Pets,
            WireName.ParseList<Department>(row.WishedDepartments));
    }

    private static List<CareNeed> CareNeedsOf(WaitingListRow row)
    {
        var needs = WireName.ParseList<CareNeed>(row.CareNeeds).ToList();
        foreach (var (declared, need) in new[] { (row.DeclaredSubstanceUse, CareNeed.SubstanceUseSupport), (row.DeclaredReducedMobility, CareNeed.ReducedMobility) })
        {
            if (declared && !needs.Contains(need))
            {
                needs.Add(need);
            }
        }

        return needs;
    }

    /// <summary>Whether the person wishes to live anywhere in the region.</summary>
    [JsonIgnore]
    public bool WishesAnywhere => WishedDepartments.Count == 0;
}
