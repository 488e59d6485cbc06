using System.Globalization;
using Guichet.Deciders;

namespace Guichet.Domain.Stays;

/// <summary>The read-model row a stay's state stands for (<see cref="StayReadModels"/>), computed from the state alone.</summary>
public static class StayRows
{
    /// <summary>The row of <paramref name="stay"/>.</summary>
    public static Project Of(Stay stay)
    {
        ArgumentNullException.ThrowIfNull(stay);
        return new(StayReadModels.Stays, stay.Place.StructureId, stay.Id, new StayRow(
            stay.Id,
            stay.Place.StructureId,
            stay.StructureName,
            stay.DossierId,
            stay.VacancyId,
            WireName.Of(stay.Place.Device),
            Day(stay.EntryDate),
            stay.PlannedEnd is { } end ? Day(end) : null,
            stay.Renewals.Count,
            WireName.Of(stay.Status),
            stay.StartedAt,
            stay.Exit is { } exit ? Day(exit.Date) : null,
            stay.Exit is { } left ? WireName.Of(left.Destination) : null,
            stay.Exit?.NextVacancyId));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
