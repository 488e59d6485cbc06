using System.Collections.Concurrent;
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
/// Proposes candidates for the open places of a device, in waves: under the device's lease, it reads the open places
/// (each one's slots and the dossiers already proposed there), reads and ranks the device's waiting list once with the
/// grid in force, passes over the dossiers with a pending candidacy (the list's "proposed" rows and the pending
/// candidacies' rows), and runs <see cref="Matching.Propose"/> for each place in turn, the earliest declared first,
/// each place's candidates pending for the places after it (invariant 3). Each place with candidates gets
/// "candidates-proposed", which records the grid version and the skips in short (the full record of each dossier
/// skipped and why goes to <see cref="SkippedDossiers"/>); a place asked for that has none gets "no-candidate-found",
/// with why none fit. One list read serves every place declared meanwhile: their own requests then find them served.
/// </summary>
internal sealed class VacancyMatcher(WorkflowRuntime runtime, PriorityGridStore grids, DeviceLease lease, SkippedDossiers skips, TimeProvider time, ILogger<VacancyMatcher> logger)
{
    /// <summary>The most places a wave takes besides those asked for: the rest are served by their own request.</summary>
    internal const int WaveSize = 200;

    // Places read and events raised at once within a wave.
    private const int Concurrency = 8;

    /// <summary>
    /// Matches <paramref name="vacancyId"/>, with the device's other open places; <paramref name="eventId"/> makes a
    /// repeated request apply once to each. A place already served by an earlier wave costs a read, and no lease (it is
    /// read again every few seconds while this host's other matchings of the device go on).
    /// </summary>
    public async Task<MatchingOutcome> MatchAsync(string vacancyId, string eventId, string? correlationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(runtime, vacancyId, cancellationToken) is not { } first)
        {
            return MatchingOutcome.Nothing($"no vacancy {vacancyId}");
        }

        if (first.OpenSlots == 0)
        {
            return MatchingOutcome.Nothing("no open slot");
        }

        var wave = await lease.RunAsync(
            first.Place.Device,
            ct => MatchWaveAsync(first.Place.Device, [vacancyId], eventId, correlationId, ct),
            async ct => await LoadAsync(runtime, vacancyId, ct) is { OpenSlots: > 0 },
            notNeeded: new Dictionary<string, MatchingOutcome>(),
            cancellationToken);
        return wave.TryGetValue(vacancyId, out var outcome) ? outcome : MatchingOutcome.Nothing("no open slot");
    }

    /// <summary>Matches every place of <paramref name="asked"/> (all of <paramref name="device"/>) in one wave: the top-up.</summary>
    public Task<IReadOnlyDictionary<string, MatchingOutcome>> MatchDeviceAsync(Device device, IReadOnlyCollection<string> asked, string eventId, CancellationToken cancellationToken) =>
        lease.RunAsync(device, ct => MatchWaveAsync(device, asked, eventId, null, ct), cancellationToken);

    /// <summary>The vacancy's state, or null when there is no vacancy of that id.</summary>
    public static async Task<Vacancy?> LoadAsync(WorkflowRuntime runtime, string vacancyId, CancellationToken cancellationToken) =>
        InstanceIds.IsValid(vacancyId) && await runtime.GetStatusAsync(vacancyId, withData: true, cancellationToken) is { WorkflowType: VacancyDecider.TypeName, State: { } state }
            ? state.Deserialize<Vacancy>(WorkflowJson.Options)
            : null;

    private async Task<IReadOnlyDictionary<string, MatchingOutcome>> MatchWaveAsync(Device device, IReadOnlyCollection<string> asked, string eventId, string? correlationId, CancellationToken ct)
    {
        // Read again under the lease: an earlier wave may have filled their slots meanwhile.
        var places = await OpenPlacesAsync(device, asked, ct);
        if (places.Count == 0)
        {
            return new Dictionary<string, MatchingOutcome>();
        }

        var now = time.GetUtcNow();
        var grid = await grids.InForceAsync(now, ct);
        var entries = await WaitingListReader.ReadAsync(runtime, device, ct);
        var ranked = PriorityRanking.Rank(entries.Select(e => e.Dossier.Input), grid.Grid, now);
        var waiting = entries.ToDictionary(e => e.Row.DossierId, e => PlacementNeeds.Of(e.Row), StringComparer.Ordinal);
        var pending = await PendingAsync(entries, device, ct);
        var planned = new List<(Vacancy Vacancy, MatchResult Match)>(places.Count);
        foreach (var vacancy in places)
        {
            var proposedHere = vacancy.ProposedDossiers;
            var match = Matching.Propose(vacancy.Place, ranked, waiting, pending, proposedHere, vacancy.OpenSlots);
            pending.UnionWith(match.Candidates.Select(c => c.DossierId));
            if (match.Candidates.Count > 0 || asked.Contains(vacancy.Id))
            {
                planned.Add((vacancy, match));
            }
        }

        return await RaiseAllAsync(planned, entries.Count, asked, eventId, correlationId, ct);
    }

    /// <summary>
    /// Raises each place's proposal; one that fails is logged and the others are still proposed. A place asked for
    /// that failed fails the wave afterwards, so that its request is retried.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, MatchingOutcome>> RaiseAllAsync(
        IReadOnlyList<(Vacancy Vacancy, MatchResult Match)> planned, int waiting, IReadOnlyCollection<string> asked, string eventId, string? correlationId, CancellationToken ct)
    {
        var outcomes = new ConcurrentDictionary<string, MatchingOutcome>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<Exception>();
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (p, token) =>
        {
            try
            {
                outcomes[p.Vacancy.Id] = await RaiseAsync(p.Vacancy.Id, p.Match, waiting, eventId, correlationId, token);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                logger.LogError(e, "Matching of vacancy {VacancyId} failed; the other places of the wave are proposed all the same", p.Vacancy.Id);
                if (asked.Contains(p.Vacancy.Id))
                {
                    failures.Add(e);
                }
            }
        });
        return failures.IsEmpty ? outcomes : throw new AggregateException("The matching of a place asked for failed.", failures);
    }

    private async Task<MatchingOutcome> RaiseAsync(string vacancyId, MatchResult match, int waiting, string eventId, string? correlationId, CancellationToken ct)
    {
        if (match.Candidates.Count == 0)
        {
            logger.LogInformation("Matching of vacancy {VacancyId}: no compatible candidate among {Waiting} waiting dossiers", vacancyId, waiting);
            var none = new NoCandidateFound(match.GridVersion, match.RankedAt, waiting, match.PassedOver ?? SkippedSummary.Of([], null));
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

    /// <summary>
    /// The places asked for and the device's other open places (the earliest declared, <see cref="WaveSize"/> at most),
    /// read from their state, those with open slots, the earliest declared first.
    /// </summary>
    private async Task<IReadOnlyList<Vacancy>> OpenPlacesAsync(Device device, IReadOnlyCollection<string> asked, CancellationToken ct)
    {
        var (deviceName, candidates, answers) = (WireName.Of(device), WireName.Of(VacancyStatus.AwaitingCandidates), WireName.Of(VacancyStatus.AwaitingAnswers));
        var rows = await runtime.ReadModel(PlacementReadModels.Vacancies)
            .ReadAllAsync(TableClient.CreateQueryFilter($"device eq {deviceName} and (status eq {candidates} or status eq {answers})"), ct);
        var others = rows
            .Where(VacancyTopUp.HasOpenSlots)
            .Select(r => (Id: r.GetString("vacancyId"), DeclaredAt: r.GetString("declaredAt")))
            .Where(r => r.Id is not null && !asked.Contains(r.Id))
            .OrderBy(r => r.DeclaredAt, StringComparer.Ordinal)
            .Take(Math.Max(0, WaveSize - asked.Count))
            .Select(r => r.Id!);
        var open = new ConcurrentBag<Vacancy>();
        await Parallel.ForEachAsync(asked.Concat(others).Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (id, token) =>
        {
            if (await LoadAsync(runtime, id, token) is { OpenSlots: > 0 } vacancy && vacancy.Place.Device == device)
            {
                open.Add(vacancy);
            }
        });
        return [.. open.OrderBy(v => v.DeclaredAt).ThenBy(v => v.Id, StringComparer.Ordinal)];
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
