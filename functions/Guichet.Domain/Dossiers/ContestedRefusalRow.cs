using Guichet.Deciders;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// A contested refusal on the ARS review list (<see cref="DossierReadModels.ContestedRefusals"/>, PK its
/// <see cref="ContestStatus"/> as on the wire, RK the candidacy id, which names the dossier, its only writer): the
/// refusal, the contest and the review, flat. A contest still pending when the dossier ends is lapsed.
/// </summary>
public sealed record ContestedRefusalRow(
    string DossierId,
    string Device,
    string CandidacyId,
    string VacancyId,
    string StructureId,
    string StructureName,
    string? Code,
    string? Justification,
    string? RecommendedOrientation,
    DateTimeOffset RefusedAt,
    bool Late,
    string Status,
    string ContestReason,
    string ContestedBy,
    DateTimeOffset ContestedAt,
    string? ReviewReason,
    DateTimeOffset? ReviewedAt)
{
    /// <summary>Who contested, when an ARS administrator did for the guichet.</summary>
    public const string Guichet = "guichet";

    /// <summary>What the contested refusals of <paramref name="dossier"/> project, one row each.</summary>
    public static IEnumerable<Project> Of(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        foreach (var refusal in dossier.Refusals)
        {
            if (refusal is not { Contest: { } contest, ContestStatus: { } status })
            {
                continue;
            }

            var shown = status == ContestStatus.Pending && dossier.End is not null ? ContestStatus.Lapsed : status;
            yield return new(DossierReadModels.ContestedRefusals, WireName.Of(shown), refusal.CandidacyId, new ContestedRefusalRow(
                dossier.Id,
                WireName.Of(dossier.Device),
                refusal.CandidacyId,
                refusal.VacancyId,
                refusal.StructureId,
                refusal.StructureName,
                refusal.Code is { } code ? WireName.Of(code) : null,
                refusal.Justification,
                refusal.RecommendedOrientation is { } orientation ? WireName.Of(orientation) : null,
                refusal.At,
                refusal.Late,
                WireName.Of(shown),
                contest.Reason,
                contest.PrescriberId ?? Guichet,
                contest.At,
                contest.Review?.Reason,
                contest.Review?.At));
        }
    }
}
