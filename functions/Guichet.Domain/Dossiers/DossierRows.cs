using System.Globalization;
using Guichet.Domain.Commissions;
using Guichet.Domain.Ranking;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// The read-model rows a dossier's state stands for (<see cref="DossierReadModels"/>), computed from the state
/// alone, so that a step writes the rows that changed and removes those that no longer apply, whatever rule ran.
/// An ended dossier keeps only its requests' rows, with its final status and reason; a request withdrawn while the
/// dossier went on keeps its row, withdrawn. Every row's key names the dossier: a row has one writer, this dossier
/// (the runtime orders one writer's rows only, and refuses a second writer).
/// </summary>
public static class DossierRows
{
    /// <summary>Every row of <paramref name="dossier"/>, as the <see cref="Guichet.Deciders.Project"/> effects that write them.</summary>
    public static IEnumerable<Guichet.Deciders.Project> Of(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var status = dossier.Status;
        var device = WireName.Of(dossier.Device);
        var statusName = WireName.Of(status);
        var reason = dossier.End?.Reason ?? dossier.Information?.Question;
        foreach (var request in dossier.Requests)
        {
            // The dossier's own row of the request (the survivor of a merge writes its own beside it). Handed over, it says
            // merged from the hand-over on, so that the request is never shown open in two dossiers, and the same at the end.
            yield return new(DossierReadModels.Requests, request.Prescriber.Id, DossierReadModels.RequestRowKey(request.ExternalRef, dossier.Id), dossier.MergingInto is { } merge
                ? new DossierRequestRow(dossier.Id, device, WireName.Of(DossierStatus.Merged), request.SubmittedAt, merge.Reason, merge.DossierId)
                : new DossierRequestRow(dossier.Id, device, statusName, request.SubmittedAt, reason, dossier.End?.MergedInto));
        }

        foreach (var withdrawn in dossier.Withdrawals)
        {
            yield return new(DossierReadModels.Requests, withdrawn.Request.Prescriber.Id, DossierReadModels.RequestRowKey(withdrawn.Request.ExternalRef, dossier.Id),
                new DossierRequestRow(dossier.Id, device, WireName.Of(DossierStatus.Withdrawn), withdrawn.Request.SubmittedAt, withdrawn.Reason));
        }

        // The review list outlives the dossier: a contest not reviewed before its end shows as lapsed.
        foreach (var contested in ContestedRefusalRow.Of(dossier))
        {
            yield return contested;
        }

        if (dossier.End is not null)
        {
            yield break;
        }

        foreach (var kind in (ReadingKind[])[ReadingKind.Medical, ReadingKind.Social])
        {
            if (DossierLifecycle.IsToDo(dossier, kind))
            {
                yield return new(DossierReadModels.PendingReadings, WireName.Of(kind), dossier.Id,
                    new PendingReadingRow(dossier.Id, device, dossier.FirstRequestAt, dossier.FirstRequest.Prescriber.Name, statusName));
            }
        }

        if (status == DossierStatus.AwaitingCommission)
        {
            // Adjourned: back without a session, so that the next agenda takes it.
            var session = dossier.Commission is { Verdict: null } agenda ? agenda.SessionId : null;
            yield return new(DossierReadModels.AwaitingCommission, device, dossier.Id,
                new AwaitingCommissionRow(dossier.Id, device, dossier.ReadingsCompletedAt!.Value, dossier.FirstRequestAt, session));
        }

        if (status is DossierStatus.WaitingList or DossierStatus.Proposed)
        {
            // Proposed, a dossier keeps its place on the list (and its seniority); the matching passes it over.
            yield return new(DossierReadModels.WaitingList, device, dossier.Id, WaitingListRowOf(dossier) with { Status = statusName, ConfirmationDueAt = dossier.Confirmation?.DueAt });
        }

        if (status is DossierStatus.WaitingList or DossierStatus.Proposed && dossier.Confirmation is { AskedAgainAt: { } askedAt, ClosesAt: { } closesAt } confirmation)
        {
            yield return new(DossierReadModels.AwaitingConfirmation, device, dossier.Id, new AwaitingConfirmationRow(
                dossier.Id, device, statusName, confirmation.DueAt, askedAt, closesAt,
                string.Join("; ", dossier.Requests.Select(r => r.Prescriber.Name).Distinct(StringComparer.Ordinal)), WaitingRequest.ToRow(dossier.Requests)));
        }

        foreach (var duplicate in dossier.PossibleDuplicates)
        {
            yield return new(DossierReadModels.DuplicateReviews, "pending", $"{dossier.Id}~{duplicate.DossierId}",
                new DuplicateReviewRow(dossier.Id, duplicate.DossierId, device, string.Join("; ", duplicate.Reasons), dossier.OpenedAt));
        }
    }

    /// <summary>
    /// The waiting-list row of an admissible dossier. The social reading's assessment replaces the request's for
    /// housing, and for anchoring where the reader gave one (départements, or the date it runs from).
    /// </summary>
    public static WaitingListRow WaitingListRowOf(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var medical = dossier.Medical ?? throw new ArgumentException("A dossier on the waiting list has its medical reading.", nameof(dossier));
        var social = dossier.Social ?? throw new ArgumentException("A dossier on the waiting list has its social reading.", nameof(dossier));
        var commission = dossier.Commission is { Verdict: CommissionVerdict.Admissible, DecidedAt: { } admissibleAt } c
            ? (Outcome: c, At: admissibleAt)
            : throw new ArgumentException("A dossier on the waiting list was declared admissible.", nameof(dossier));
        var request = dossier.FirstRequest;
        var anchoring = social.Anchoring.Departments.Count > 0 ? social.Anchoring.Departments : request.Social.Anchoring.Departments;
        var since = RankingInput.AnchoringStart(social.Anchoring.Since ?? request.Social.Anchoring.Since);
        return new(
            dossier.Id,
            WireName.Of(dossier.Device),
            dossier.FirstRequestAt,
            commission.At,
            medical.Severity,
            social.Vulnerability,
            WireName.Of(social.Housing),
            since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            List(anchoring),
            List(request.Wishes.Departments),
            commission.Outcome.PriorityOverride,
            WireName.Of(request.Person.Sex),
            request.Person.BirthDate.Year,
            List(PathologyGroups.Of(request.Medical.Pathologies)),
            List(medical.Needs),
            request.Social.Household.Partner,
            request.Social.Household.Children,
            request.Social.Household.Pets,
            WaitingRequest.ToRow(dossier.Requests))
        {
            // Any of its requests: a person one prescriber declared with reduced mobility is never proposed a place without it.
            DeclaredSubstanceUse = dossier.Requests.Any(r => r.Medical.ActiveSubstanceUse),
            DeclaredReducedMobility = dossier.Requests.Any(r => r.Medical.ReducedMobility),
        };
    }

    private static string List<T>(IEnumerable<T> values)
        where T : struct, Enum => string.Join(",", values.Select(WireName.Of));
}
