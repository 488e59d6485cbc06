using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Placement;
using Guichet.Domain.Ranking;
using Guichet.Host.Config;
using Guichet.Host.ReadModels;
using Guichet.Host.WaitingList;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Placement;

/// <summary>
/// Proposes candidates for a vacancy: under its device's lease, it reads the vacancy (its open slots and the dossiers
/// already proposed there), ranks the device's waiting list with the grid in force, passes over the dossiers with a
/// pending candidacy (the list's "proposed" rows and the pending candidacies' rows), runs <see cref="Matching.Propose"/>
/// and raises "candidates-proposed" on the vacancy, which records the grid version and the skips in short (the full
/// record of each dossier skipped and why goes to <see cref="SkippedDossiers"/>); or "no-candidate-found", with why none fit.
/// </summary>
internal sealed class VacancyMatcher(WorkflowRuntime runtime, PriorityGridStore grids, DeviceLease lease, SkippedDossiers skips, TimeProvider time, ILogger<VacancyMatcher> logger)
{
    /// <summary>Matches <paramref name="vacancyId"/>; <paramref name="eventId"/> makes a repeated request apply once.</summary>
    public async Task<MatchingOutcome> MatchAsync(string vacancyId, string eventId, string? correlationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(runtime, vacancyId, cancellationToken) is not { } first)
        {
            return MatchingOutcome.Nothing($"no vacancy {vacancyId}");
        }

        return await lease.RunAsync(first.Place.Device, ct => MatchHeldAsync(vacancyId, eventId, correlationId, ct), cancellationToken);
    }

    /// <summary>The vacancy's state, or null when there is no vacancy of that id.</summary>
    public static async Task<Vacancy?> LoadAsync(WorkflowRuntime runtime, string vacancyId, CancellationToken cancellationToken) =>
        InstanceIds.IsValid(vacancyId) && await runtime.GetStatusAsync(vacancyId, withData: true, cancellationToken) is { WorkflowType: VacancyDecider.TypeName, State: { } state }
            ? state.Deserialize<Vacancy>(WorkflowJson.Options)
            : null;

    private async Task<MatchingOutcome> MatchHeldAsync(string vacancyId, string eventId, string? correlationId, CancellationToken ct)
    {
        // Read again under the lease: another matching may have filled its slots meanwhile.
        var vacancy = await LoadAsync(runtime, vacancyId, ct);
        if (vacancy is not { OpenSlots: > 0 })
        {
            return MatchingOutcome.Nothing("no open slot");
        }

        var now = time.GetUtcNow();
        var grid = await grids.InForceAsync(now, ct);
        var entries = await WaitingListReader.ReadAsync(runtime, vacancy.Place.Device, ct);
        var ranked = PriorityRanking.Rank(entries.Select(e => e.Dossier.Input), grid.Grid, now);
        var waiting = entries.ToDictionary(e => e.Row.DossierId, e => PlacementNeeds.Of(e.Row), StringComparer.Ordinal);
        var pending = await PendingAsync(entries, vacancy.Place.Device, ct);
        var proposedHere = vacancy.Candidacies.Select(c => c.DossierId).ToHashSet(StringComparer.Ordinal);
        var match = Matching.Propose(vacancy.Place, ranked, waiting, pending, proposedHere, vacancy.OpenSlots);
        if (match.Candidates.Count == 0)
        {
            logger.LogInformation("Matching of vacancy {VacancyId}: no compatible candidate among {Waiting} waiting dossiers", vacancyId, entries.Count);
            var none = new NoCandidateFound(match.GridVersion, match.RankedAt, entries.Count, match.PassedOver ?? SkippedSummary.Of([], null));
            var told = await runtime.RaiseEventAsync(
                vacancyId, VacancyEventNames.NoCandidateFound, JsonSerializer.SerializeToElement(none, WorkflowJson.Options), eventId, new RequestContext("matching", correlationId), ct);
            return MatchingOutcome.Nothing($"no compatible candidate ({told.Result})");
        }

        // The skips go to their own table, the event carries them in short: thousands would exceed the payload's bound.
        var key = SkippedDossiers.KeyOf(match, eventId);
        await skips.WriteAsync(vacancyId, key, match, ct);
        var sent = match with { Skipped = [], Summary = SkippedSummary.Of(match.Skipped.Select(s => s.Reasons), key), PassedOver = null };
        var payload = JsonSerializer.SerializeToElement(new CandidatesProposed(sent), WorkflowJson.Options);
        var raised = await runtime.RaiseEventAsync(vacancyId, VacancyEventNames.CandidatesProposed, payload, eventId, new RequestContext("matching", correlationId), ct);
        logger.LogInformation(
            "Matching of vacancy {VacancyId}: {Candidates} candidate(s) proposed, {Skipped} skipped above them, grid {GridVersion}: {Result} {Reason}",
            vacancyId, match.Candidates.Count, match.Skipped.Count, match.GridVersion, raised.Result, raised.Reason);
        return new(raised.Result == RaiseResult.Applied, match, raised.Reason);
    }

    /// <summary>The device's dossiers with a pending candidacy: "proposed" on the list, or pending in the candidacies' rows.</summary>
    private async Task<HashSet<string>> PendingAsync(IReadOnlyList<WaitingEntry> entries, Device device, CancellationToken ct)
    {
        var pending = entries.Where(e => e.Row.Status == WireName.Of(Domain.Dossiers.DossierStatus.Proposed)).Select(e => e.Row.DossierId).ToHashSet(StringComparer.Ordinal);
        var (deviceName, status) = (WireName.Of(device), WireName.Of(CandidacyStatus.Pending));
        var rows = await runtime.ReadModel(PlacementReadModels.Candidacies)
            .ReadAllAsync(TableClient.CreateQueryFilter($"device eq {deviceName} and status eq {status}"), ct);
        pending.UnionWith(rows.Select(r => r.GetString("dossierId")));
        return pending;
    }
}

/// <summary>What a matching did.</summary>
/// <param name="Proposed">Whether candidates were proposed and taken by the vacancy.</param>
/// <param name="Match">The proposal, when one was made.</param>
/// <param name="Reason">Why nothing was proposed, or why the vacancy refused it.</param>
internal sealed record MatchingOutcome(bool Proposed, MatchResult? Match, string? Reason)
{
    public static MatchingOutcome Nothing(string reason) => new(false, null, reason);
}
