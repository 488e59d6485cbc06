using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Runtime.Instances;

namespace Guichet.Host.Intake;

internal sealed partial class IntakeRouter
{
    /// <summary>
    /// A later message with the key of a request already taken: "request-updated" on the dossier that holds it (following
    /// its merges), with the message's hash as event id. A dossier that has ended otherwise takes no update: the message
    /// is rejected, saying so. An update may change the person's identity: the same person's other active dossiers are
    /// then looked for as for a new request, and a sure match merged (invariant 1); the same message again finds them merged.
    /// A dossier in the middle of a merge refuses the update for the instant it lasts: the message is retried, never rejected.
    /// </summary>
    private async Task<IntakeOutcome> UpdateAsync(IntakeRequest intake, IntakeKeyRow row, CancellationToken ct)
    {
        var target = row.DossierId;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var outcome = await RaiseAsync(target, DossierEventNames.RequestUpdated, new RequestUpdated(intake.Request), intake.Hash, intake, ct);
            switch (outcome.Result)
            {
                case RaiseResult.Applied or RaiseResult.Buffered or RaiseResult.Duplicate:
                    return IntakeOutcome.Updated(await RecheckUpdatedAsync(intake, target, ct));
                case RaiseResult.Failed:
                    logger.LogError("Dossier {DossierId} failed on an updated request: {Error}", target, outcome.Status?.Error);
                    return IntakeOutcome.Updated(target);
                case RaiseResult.NotFound:
                    throw new InvalidOperationException($"Dossier '{target}' of request '{intake.Key.ExternalRef}' is not open yet (its first message is still being handled); retried.");
                case RaiseResult.Rejected when await MergingIntoAsync(target, ct) is { } survivor:
                    // Not a refusal of the update: the dossier hands its requests over to another, an instant's work. The
                    // message is retried, and then follows the merge to the survivor.
                    throw new InvalidOperationException($"Dossier '{target}' is being merged into '{survivor}' while request '{intake.Key.ExternalRef}' was updated; retried.");
                case RaiseResult.Invalid or RaiseResult.Rejected:
                    return IntakeOutcome.Rejected("$", outcome.Reason ?? "La mise à jour de la demande a été refusée par son dossier.");
            }

            var status = await runtime.GetStatusAsync(target, withData: true, ct)
                ?? throw new InvalidOperationException($"Dossier '{target}' vanished while request '{intake.Key.ExternalRef}' was updated; retried.");
            var dossier = DossierCandidates.StateOf(status);
            if (dossier?.End?.MergedInto is { } next)
            {
                target = next;
                continue;
            }

            if (status.RuntimeStatus == RuntimeStatus.Failed)
            {
                throw FailedDossier(target, status);
            }

            var how = dossier?.End is { } end ? WireName.Of(end.Status) : status.RuntimeStatus.ToString();
            return IntakeOutcome.Rejected("$.externalRef",
                $"La demande « {intake.Key.ExternalRef} » a déjà un dossier ({target}), qui est clos ({how}) : elle ne peut plus être modifiée. " +
                "Une nouvelle demande doit porter une nouvelle référence (externalRef).");
        }

        throw new InvalidOperationException($"Request '{intake.Key.ExternalRef}' followed {MaxHops} merges without reaching an active dossier; retried.");
    }

    /// <summary>
    /// After an update, the person's identity may have changed: sure matches are merged (see <see cref="IndexAndRecheckAsync"/>),
    /// possible ones listed on the dossier for a person's review (it skips those already listed or kept apart), under an
    /// event id of the message's, so that a redelivery lists nothing twice. Returns the dossier that holds the request.
    /// </summary>
    private async Task<string> RecheckUpdatedAsync(IntakeRequest intake, string dossierId, CancellationToken ct)
    {
        var (holder, possibles) = await IndexAndRecheckAsync(intake, dossierId, ct);
        if (holder == dossierId && possibles.Count > 0)
        {
            var listed = await RaiseAsync(dossierId, DossierEventNames.PossibleDuplicatesFound, new PossibleDuplicatesFound(possibles), "possible-duplicates:" + intake.Hash, intake, ct);
            if (listed.Result is not (RaiseResult.Applied or RaiseResult.Buffered or RaiseResult.Duplicate))
            {
                logger.LogWarning("Possible duplicates of dossier {DossierId} not listed after an update ({Result}): {Reason}", dossierId, listed.Result, listed.Reason);
            }
        }

        return holder;
    }

    /// <summary>The dossier <paramref name="dossierId"/> is being merged into, if a merge is under way.</summary>
    private async Task<string?> MergingIntoAsync(string dossierId, CancellationToken ct) =>
        await runtime.GetStatusAsync(dossierId, withData: true, ct) is { } status ? DossierCandidates.StateOf(status)?.MergingInto?.DossierId : null;
}
