using Guichet.Domain.Dossiers;
using Guichet.Domain.Identity;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Queues;

namespace Guichet.Host.Intake;

internal sealed partial class IntakeRouter
{
    /// <summary>
    /// Joins the request to the surviving dossier its key records, following that dossier's own merges; the event id is
    /// the message's hash, so a delivery again is applied once. When the survivor has ended otherwise, or refuses, the
    /// request is routed again without it. A merge the dossier buffers counts as merged; should the dossier refuse it
    /// later, the runtime sends the message back to the intake queue (<see cref="IntakeRequest.MergeContext"/>), and
    /// this routes it again, the refusing dossier listed as a possible duplicate (nothing dropped, invariant 8).
    /// </summary>
    private async Task<IntakeOutcome> MergeAsync(IntakeRequest intake, IntakeKeyRow row, IReadOnlyCollection<string> excluded, CancellationToken ct)
    {
        var target = row.DossierId;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var status = await runtime.GetStatusAsync(target, withData: true, ct)
                ?? throw new InvalidOperationException($"Dossier '{target}', which request '{intake.Key.ExternalRef}' joins, does not exist; retried.");
            var survivor = DossierCandidates.StateOf(status);
            if (survivor?.End?.MergedInto is { } next)
            {
                target = next;
                continue;
            }

            if (status.RuntimeStatus == RuntimeStatus.Failed)
            {
                throw FailedDossier(target, status);
            }

            if (survivor is null || survivor.End is not null || status.RuntimeStatus.IsFinished())
            {
                return await ReplanAsync(intake, row, [.. excluded, target], await RefusedAsync(intake, target, survivor, ct), ct);
            }

            var match = DossierCandidates.Best(IdentityProfile.Of(intake.Request.Person), survivor);
            await index.AddAsync(intake.Request.Device, intake.Request.Person, target, ct);
            var merged = new RequestMerged(intake.Request, null, MatchReasonText.Sentence(match));
            var outcome = await RaiseAsync(target, DossierEventNames.RequestMerged, merged, intake.Hash, intake, ct, intake.MergeContext);
            switch (outcome.Result)
            {
                case RaiseResult.Duplicate when await RefusedAsync(intake, target, survivor, ct) is { } refusal:
                    return await ReplanAsync(intake, row, [.. excluded, target], refusal, ct);
                case RaiseResult.Applied or RaiseResult.Buffered or RaiseResult.Duplicate:
                    return IntakeOutcome.Merged(target);
                case RaiseResult.Failed:
                    logger.LogError("Dossier {DossierId} failed on a merged request: {Error}", target, outcome.Status?.Error);
                    return IntakeOutcome.Merged(target);
                case RaiseResult.Finished:
                    continue; // ended meanwhile: read it again
                case RaiseResult.Invalid or RaiseResult.Rejected:
                    var refused = new PossibleDuplicate(target, [.. MatchReasonText.Of(match), $"fusion refusée par le dossier : {outcome.Reason}"]);
                    return await ReplanAsync(intake, row, [.. excluded, target], refused, ct);
                default:
                    throw new InvalidOperationException($"Dossier '{target}' did not take request '{intake.Key.ExternalRef}' ({outcome.Result}); retried.");
            }
        }

        throw new InvalidOperationException($"Request '{intake.Key.ExternalRef}' followed {MaxHops} merges without reaching an active dossier; retried.");
    }

    /// <summary>
    /// The dossier that refused this request's merge after buffering it (it ended, or its decider said no once it took
    /// it): listed as a possible duplicate where the request goes now, as when the refusal comes at once. Null when it
    /// did not refuse it (applied, still waiting, never raised).
    /// </summary>
    private async Task<PossibleDuplicate?> RefusedAsync(IntakeRequest intake, string target, Dossier? survivor, CancellationToken ct)
    {
        if (await runtime.GetEventOutcomeAsync(target, intake.Hash, ct) is not { Result: EventResult.Refused } outcome)
        {
            return null;
        }

        IReadOnlyList<string> reasons = survivor is null ? [] : MatchReasonText.Of(DossierCandidates.Best(IdentityProfile.Of(intake.Request.Person), survivor));
        return new PossibleDuplicate(target, [.. reasons, $"fusion refusée par le dossier : {outcome.Reason}"]);
    }

    /// <summary>Routes a request again without the dossiers it could not join, recording the new route in place of the old.</summary>
    private async Task<IntakeOutcome> ReplanAsync(IntakeRequest intake, IntakeKeyRow row, IReadOnlyCollection<string> excluded, PossibleDuplicate? refused, CancellationToken ct)
    {
        var plan = await PlanAsync(intake, excluded, ct);
        if (refused is not null && plan.Route == IntakeRoute.Created)
        {
            plan = plan with { Possibles = [.. plan.Possibles, refused] };
        }

        var replaced = await keys.TryReplaceAsync(intake.Key, plan.Row(intake.Hash) with { ETag = row.ETag }, ct)
            ?? throw new InvalidOperationException($"The key of request '{intake.Key.ExternalRef}' changed while it was routed again; retried.");
        return await CarryOutAsync(intake, replaced, plan, excluded, ct);
    }

    /// <summary>A dossier that failed (a bug) takes nothing until an administrator rewinds it: the message is dead-lettered at once, to replay then.</summary>
    private static PoisonMessageException FailedDossier(string dossierId, InstanceStatus status) =>
        new($"Dossier '{dossierId}' has failed and takes no event until it is rewound ({status.Error}); replay this message from the poison queue then.");
}
