using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Ranking;
using Guichet.Host.Config;
using Guichet.Host.Configuration;
using Guichet.Host.ReadModels;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Schedules;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Commissions;

/// <summary>
/// Opens a device's commission session for a sitting: one per device and day (<c>commission-&lt;device&gt;-&lt;yyyyMMdd&gt;</c>,
/// the day in the timers' time zone), so a second firing of the same day starts nothing. The agenda is every
/// dossier awaiting a commission of the device whose readings completed before the cut-off (the sitting instant),
/// undecided dossiers of closed sessions included, those on the agenda of a session still open left to it; each is
/// ranked from its own state, read through the runtime, with the grid in force at the cut-off, whose version the
/// session records, as it records the override cap and the device's previous session. An agenda holds at most
/// <see cref="CommissionSettings.MaxAgenda"/> dossiers, and no more than the session's opening input can carry
/// (<see cref="RuntimeOptions.MaxPayloadBytes"/>), those whose readings completed first (then by id): the others wait
/// for the next session, so that every dossier comes before a commission in its turn.
/// </summary>
internal sealed class SessionOpener(
    WorkflowRuntime runtime,
    PriorityGridStore grids,
    DeviceOpenings openings,
    CommissionSettings settings,
    TimerTriggerOptions timers,
    RuntimeOptions runtimeOptions,
    ILogger<SessionOpener> logger)
{
    private const int ReadConcurrency = 8;

    // What the opening input carries besides its agenda, and JSON's separators: a generous allowance.
    private const int InputAllowanceBytes = 4 * 1024;

    /// <summary>The id of the device's session sitting at <paramref name="sitting"/>.</summary>
    public string SessionIdFor(Device device, DateTimeOffset sitting) =>
        string.Create(CultureInfo.InvariantCulture, $"commission-{WireName.Of(device)}-{TimeZoneInfo.ConvertTime(sitting, timers.TimeZone):yyyyMMdd}");

    /// <summary>
    /// Opens the session sitting at <paramref name="cutOff"/>. A scheduled sitting (<paramref name="evenIfEmpty"/> false)
    /// with nothing to decide opens nothing; an administrator's request opens the session all the same.
    /// </summary>
    public async Task<SessionOpening> OpenAsync(Device device, DateTimeOffset cutOff, bool evenIfEmpty, RequestContext context, CancellationToken cancellationToken)
    {
        var id = SessionIdFor(device, cutOff);
        if (!openings.IsOpenAt(device, cutOff))
        {
            return new(SessionOpeningResult.DeviceClosed, id, Detail: $"Le dispositif {WireName.Of(device)} n'est pas ouvert à cette date (paramètre {DeviceOpenings.Key(device)}).");
        }

        if (await runtime.GetStatusAsync(id, cancellationToken: cancellationToken) is not null)
        {
            return new(SessionOpeningResult.AlreadyOpened, id, Detail: $"La séance {id} est déjà ouverte : une séance par dispositif et par jour.");
        }

        var sessions = await SessionsAsync(device, cancellationToken);
        var stillOpen = sessions.Where(s => s.Status == CommissionSessionDecider.Open && s.SessionId != id).Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        var previous = sessions.Where(s => s.SessionId != id && s.SittingAt < cutOff).MaxBy(s => (s.SittingAt, s.SessionId))?.SessionId;
        var inputs = await AgendaInputsAsync(device, cutOff, stillOpen, cancellationToken);
        if (inputs.Count == 0 && !evenIfEmpty)
        {
            return new(SessionOpeningResult.NothingToDecide, id, Detail: "Aucun dossier n'attend de commission : pas de séance.");
        }

        var grid = await grids.InForceAsync(cutOff, cancellationToken);
        var ranked = RankWithinInput(device, cutOff, inputs, grid.Grid);
        var opening = new OpenSession(
            device,
            cutOff,
            cutOff,
            [.. ranked.Dossiers.Select(Item)],
            ranked.GridVersion,
            settings.OverrideCap,
            previous);
        var started = await runtime.StartAsync(CommissionSessionDecider.TypeName, id, JsonSerializer.SerializeToElement(opening, WorkflowJson.Options), context, cancellationToken: cancellationToken);
        var result = started.Result switch
        {
            StartResult.Started or StartResult.Scheduled => new SessionOpening(SessionOpeningResult.Opened, id, opening.Agenda.Count),
            StartResult.AlreadyExists => new SessionOpening(SessionOpeningResult.AlreadyOpened, id, Detail: $"La séance {id} est déjà ouverte : une séance par dispositif et par jour."),
            _ => new SessionOpening(SessionOpeningResult.Refused, id, Detail: started.Reason ?? $"L'ouverture de la séance {id} a échoué ({started.Result})."),
        };
        logger.LogInformation(
            "Commission session {SessionId} ({Device}, cut-off {CutOff:O}, grid {GridVersion}, carried from {Previous}): {Result}, {AgendaSize} dossiers",
            id, WireName.Of(device), cutOff, ranked.GridVersion, previous, result.Result, opening.Agenda.Count);
        return result;
    }

    private static AgendaItem Item(RankedDossier dossier) => new(dossier.DossierId, dossier.Rank, dossier.Score, dossier.Explanation);

    /// <summary>
    /// Ranks the agenda; when its items would not fit in the opening input (a grid with many sections explains each
    /// dossier at length), keeps those whose readings completed first that fit and ranks them again: the others wait.
    /// </summary>
    private RankedList RankWithinInput(Device device, DateTimeOffset cutOff, List<RankingInput> inputs, PriorityGrid grid)
    {
        var ranked = PriorityRanking.Rank(inputs, grid, cutOff);
        var sizes = ranked.Dossiers.ToDictionary(d => d.DossierId, d => JsonSerializer.SerializeToUtf8Bytes(Item(d), WorkflowJson.Options).Length + 1, StringComparer.Ordinal);
        var budget = runtimeOptions.MaxPayloadBytes - InputAllowanceBytes;
        if (sizes.Values.Sum() <= budget)
        {
            return ranked;
        }

        var used = 0;
        var kept = inputs
            .TakeWhile(i => (used += sizes[i.DossierId]) <= budget)
            .ToList();
        logger.LogWarning(
            "Commission of {Device} at {CutOff:O}: the agenda of {Count} dossiers does not fit in a session's opening ({Budget} bytes); it takes the {Kept} whose readings completed first, the others wait for the next session",
            WireName.Of(device), cutOff, inputs.Count, budget, kept.Count);
        return PriorityRanking.Rank(kept, grid, cutOff);
    }

    private async Task<List<CommissionSessionRow>> SessionsAsync(Device device, CancellationToken ct)
    {
        var partition = WireName.Of(device);
        var rows = await runtime.ReadModel(CommissionReadModels.Sessions).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), ct);
        return [.. rows.Select(ReadModelRows.As<CommissionSessionRow>)];
    }

    /// <summary>
    /// The ranking inputs of the dossiers the agenda takes, in the order their readings completed, each read from the
    /// dossier's own state: the read model says which dossiers wait, the state (the dossier's last word) whether it
    /// still does, and what ranks it.
    /// </summary>
    private async Task<List<RankingInput>> AgendaInputsAsync(Device device, DateTimeOffset cutOff, HashSet<string> stillOpen, CancellationToken ct)
    {
        var partition = WireName.Of(device);
        var rows = await runtime.ReadModel(DossierReadModels.AwaitingCommission).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), ct);
        var waiting = rows
            .Select(ReadModelRows.As<AwaitingCommissionRow>)
            .Where(r => r.ReadingsCompletedAt < cutOff && (r.SessionId is null || !stillOpen.Contains(r.SessionId)))
            .OrderBy(r => r.ReadingsCompletedAt)
            .ThenBy(r => r.DossierId, StringComparer.Ordinal)
            .Select(r => r.DossierId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var candidates = waiting.Take(settings.MaxAgenda).ToList();
        if (waiting.Count > candidates.Count)
        {
            logger.LogWarning(
                "Commission of {Device} at {CutOff:O}: {Waiting} dossiers wait, the agenda takes the {Taken} whose readings completed first; the others wait for the next session",
                partition, cutOff, waiting.Count, candidates.Count);
        }

        var inputs = new RankingInput?[candidates.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = ct }, async (position, token) =>
        {
            var dossierId = candidates[position];
            var status = await runtime.GetStatusAsync(dossierId, withData: true, token);
            if (status is { WorkflowType: DossierDecider.TypeName, State: { } state }
                && state.Deserialize<Dossier>(WorkflowJson.Options) is { Status: DossierStatus.AwaitingCommission, Device: var d, ReadingsCompletedAt: { } completed } dossier
                && d == device && completed < cutOff)
            {
                inputs[position] = RankingInputs.Of(dossier);
            }
        });
        return [.. inputs.OfType<RankingInput>()];
    }
}
