using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Identity;
using Guichet.Host.Dossiers;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Intake;

internal sealed partial class IntakeRouter
{
    /// <summary>
    /// Opens the request's own dossier, indexes its identity, then looks again: two requests for one person handled at
    /// the same instant on two hosts each index before they look, so at least one of them sees the other, and the
    /// later of the two dossiers (see <see cref="DossierCandidate.Compare"/>) is merged into the earlier.
    /// </summary>
    private async Task<IntakeOutcome> CreateAsync(IntakeRequest intake, IntakeKeyRow row, IReadOnlyList<PossibleDuplicate> possibles, CancellationToken ct)
    {
        var input = JsonSerializer.SerializeToElement(new OpenDossier(intake.Request, possibles), WorkflowJson.Options);
        var started = await runtime.StartAsync(DossierRegistration.WorkflowType, row.DossierId, input, intake.Context, cancellationToken: ct);
        switch (started.Result)
        {
            case StartResult.Invalid or StartResult.Rejected:
                // Nothing was created: the key is freed, so that a corrected message is taken afresh.
                await keys.DeleteAsync(intake.Key, row, ct);
                return IntakeOutcome.Rejected("$", started.Reason ?? "La demande a été refusée à l'ouverture du dossier.");
            case StartResult.Failed:
                logger.LogError("Dossier {DossierId} failed as it opened: {Error}", row.DossierId, started.Status?.Error);
                break;
        }

        return await OpenedAsync(intake, row.DossierId, ct);
    }

    /// <summary>The message that opened a dossier, delivered again: the dossier is opened if the first delivery stopped before, and indexed.</summary>
    private async Task<IntakeOutcome> ReplayCreationAsync(IntakeRequest intake, IntakeKeyRow row, CancellationToken ct)
    {
        var status = await runtime.GetStatusAsync(row.DossierId, withData: true, ct);
        if (status is null)
        {
            return await CreateAsync(intake, row, (await PlanAsync(intake, [], ct)).Possibles, ct);
        }

        if (DossierCandidates.StateOf(status)?.End is { } end)
        {
            // Ended since: merged into another (by a host that saw both), or closed.
            await index.AddAsync(intake.Request.Device, intake.Request.Person, row.DossierId, ct);
            return end.MergedInto is { } survivor ? IntakeOutcome.Merged(survivor) : IntakeOutcome.Created(row.DossierId);
        }

        return await OpenedAsync(intake, row.DossierId, ct);
    }

    /// <summary>A dossier just opened, once the same person's other dossiers are merged with it: created, or merged into an earlier one.</summary>
    private async Task<IntakeOutcome> OpenedAsync(IntakeRequest intake, string dossierId, CancellationToken ct)
    {
        var (holder, _) = await IndexAndRecheckAsync(intake, dossierId, ct);
        return holder == dossierId ? IntakeOutcome.Created(dossierId) : IntakeOutcome.Merged(holder);
    }

    /// <summary>
    /// Indexes the request under its dossier (just opened, or just updated with a new identity), then looks for the same
    /// person again, and returns the dossier that holds the request after: sure matches are merged, the later into the
    /// earlier. Its own dossier is read only when a sure match turns up (rarely): without one, it stays as it is. The
    /// possible matches found on the way are returned, for a person's review.
    /// </summary>
    private async Task<(string Holder, IReadOnlyList<PossibleDuplicate> Possibles)> IndexAndRecheckAsync(IntakeRequest intake, string dossierId, CancellationToken ct)
    {
        await index.AddAsync(intake.Request.Device, intake.Request.Person, dossierId, ct);
        var found = await candidates.FindAsync(intake.Request, dossierId, ct);
        var possibles = found.Where(c => c.Match.Level == MatchLevel.Possible).Select(c => new PossibleDuplicate(c.Dossier.Id, MatchReasonText.Of(c.Match))).ToList();
        return (await HolderAsync(intake, dossierId, [.. found.Where(c => c.Match.Level == MatchLevel.Sure)], ct), possibles);
    }

    /// <summary>The dossier that holds the request once its sure matches are merged, the later into the earlier.</summary>
    private async Task<string> HolderAsync(IntakeRequest intake, string dossierId, List<DossierCandidate> sure, CancellationToken ct)
    {
        if (sure.Count == 0)
        {
            return dossierId;
        }

        var status = await runtime.GetStatusAsync(dossierId, withData: true, ct);
        var mine = status is null ? null : DossierCandidates.StateOf(status);
        if (mine is not { End: null } || status!.RuntimeStatus is RuntimeStatus.Completed or RuntimeStatus.Terminated)
        {
            // Ended already: merged into another (by a host that saw both), or closed.
            return mine?.End?.MergedInto ?? dossierId;
        }

        var winner = sure.Select(c => c.Dossier).Append(mine).Order(Comparer<Dossier>.Create(DossierCandidate.Compare)).First();
        if (winner.Id == dossierId)
        {
            await Task.WhenAll(sure.Select(loser => MergeIntoAsync(loser.Dossier.Id, dossierId, loser.Match, intake, ct)));
            return dossierId;
        }

        var indexed = index.AddAsync(intake.Request.Device, intake.Request.Person, winner.Id, ct);
        var merged = MergeIntoAsync(dossierId, winner.Id, sure.First(c => c.Dossier.Id == winner.Id).Match, intake, ct);
        await Task.WhenAll(indexed, merged);
        return await merged ? winner.Id : dossierId;
    }

    /// <summary>Closes <paramref name="loser"/> as merged into <paramref name="survivor"/>; the event id is the same whichever host sends it.</summary>
    private async Task<bool> MergeIntoAsync(string loser, string survivor, IdentityMatchResult match, IntakeRequest intake, CancellationToken ct)
    {
        var outcome = await RaiseAsync(loser, DossierEventNames.MergedInto, new MergedInto(survivor, MatchReasonText.Sentence(match)), "merged-into:" + survivor, intake, ct);
        switch (outcome.Result)
        {
            case RaiseResult.Applied or RaiseResult.Buffered or RaiseResult.Duplicate:
                logger.LogInformation("Dossier {Loser} merged into {Survivor}, opened at the same time for the same person", loser, survivor);
                return true;
            case RaiseResult.Finished:
                return false; // ended meanwhile: whoever ended it decided
            default:
                logger.LogError("Dossier {Loser} could not be merged into {Survivor} ({Result}): {Reason}", loser, survivor, outcome.Result, outcome.Reason ?? outcome.Status?.Error);
                return false;
        }
    }
}
