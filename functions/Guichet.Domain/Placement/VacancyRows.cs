using System.Globalization;
using Guichet.Deciders;

namespace Guichet.Domain.Placement;

/// <summary>The read-model rows a vacancy's state stands for (<see cref="PlacementReadModels"/>), computed from the state alone.</summary>
public static class VacancyRows
{
    /// <summary>Every row of <paramref name="vacancy"/>: its own, then one per candidacy.</summary>
    public static IEnumerable<Project> Of(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var place = vacancy.Place;
        yield return new(PlacementReadModels.Vacancies, place.StructureId, vacancy.Id, new VacancyRow(
            vacancy.Id,
            place.StructureId,
            vacancy.StructureName,
            WireName.Of(place.Device),
            WireName.Of(place.Department),
            string.Join(",", place.Features.Select(WireName.Of)),
            Day(place.AvailableFrom),
            WireName.Of(vacancy.Status),
            vacancy.Candidacies.Count(c => c.IsPending),
            vacancy.OpenSlots,
            vacancy.Candidacies.Count,
            vacancy.DeclaredAt,
            vacancy.End?.At,
            vacancy.End?.FilledBy));

        foreach (var c in vacancy.Candidacies)
        {
            var outcome = c.Outcome;
            yield return new(PlacementReadModels.Candidacies, place.StructureId, c.Id, new CandidacyRow(
                c.Id,
                vacancy.Id,
                place.StructureId,
                c.DossierId,
                WireName.Of(place.Device),
                c.Rank,
                c.GridVersion,
                WireName.Of(c.Status),
                c.ProposedAt,
                c.DueAt,
                c.RemindedAt,
                c.OverdueAt,
                outcome?.At,
                outcome?.Code is { } code ? WireName.Of(code) : null,
                outcome?.Code is { } coded ? WireName.Of(RefusalCodes.FamilyOf(coded)) : null,
                outcome?.Justification,
                outcome?.RecommendedOrientation is { } orientation ? WireName.Of(orientation) : null,
                outcome?.EntryDate is { } entry ? Day(entry) : null,
                outcome?.Late == true));
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
