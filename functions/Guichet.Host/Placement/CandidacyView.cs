using Guichet.Domain.Placement;

namespace Guichet.Host.Placement;

/// <summary>
/// A candidacy as its structure and the ARS see it: the deadline and the days left, the outcome once answered. No
/// medical detail: the candidacies' rows hold none (the medical reading stays with the medical roles).
/// </summary>
public sealed record CandidacyView(
    string CandidacyId,
    string VacancyId,
    string StructureId,
    string DossierId,
    string Device,
    int Rank,
    int GridVersion,
    string Status,
    DateTimeOffset ProposedAt,
    DateTimeOffset DueAt,
    int? DaysLeft,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? OverdueAt,
    DateTimeOffset? DecidedAt,
    string? Code,
    string? Family,
    string? Justification,
    string? RecommendedOrientation,
    string? EntryDate,
    bool Late)
{
    /// <summary>The view of a row at <paramref name="now"/>: the whole days left before the deadline while pending.</summary>
    public static CandidacyView Of(CandidacyRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        int? daysLeft = row.Status == Domain.WireName.Of(CandidacyStatus.Pending) ? Math.Max(0, (int)Math.Ceiling((row.DueAt - now).TotalDays)) : null;
        return new(row.CandidacyId, row.VacancyId, row.StructureId, row.DossierId, row.Device, row.Rank, row.GridVersion, row.Status, row.ProposedAt, row.DueAt,
            daysLeft, row.RemindedAt, row.OverdueAt, row.DecidedAt, row.Code, row.Family, row.Justification, row.RecommendedOrientation, row.EntryDate, row.Late);
    }
}
