using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Timers;
using Guichet.Runtime.Workflows;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

/// <summary>
/// The durable workflow runtime: starts instances, applies events to them through their deciders, and
/// commits each step (state, history, processed event id, outbox) in one entity group transaction. Several
/// hosts may share one storage account: steps on one instance are serialised by optimistic concurrency.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private const int MaxCommitAttempts = 64;

    private readonly WorkflowRegistry _registry;
    private readonly ILogger _logger;

    /// <summary>Creates a runtime over a storage account; call <see cref="InitializeAsync"/> once before use.</summary>
    public WorkflowRuntime(StorageClients storage, WorkflowRegistry registry, RuntimeOptions options, TimeProvider time, ILogger<WorkflowRuntime> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Options = options;
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Storage = storage;
        // The work index: pending-work marks and durable timers in one partition, so that one key range holds all that is due.
        var work = storage.Tables.GetTableClient(options.HubName + "Work");
        Store = new InstanceStore(storage.Tables.GetTableClient(options.HubName + "Instances"), new PendingMarks(work), options.CommitDeadline);
        TimerIndex = new TimerIndex(work);
        Projections = new ProjectionWriter(storage.Tables, options.HubName);
        InstanceList = new InstanceList(Projections);
        TimerSignal = new TimerSignal(time);
        Chain = new HistoryChain(options.HistoryKey!, options.RetiredHistoryKeys);
        Dispatcher = new OutboxDispatcher(this, storage.Queues, logger);
    }

    /// <summary>The options in force.</summary>
    public RuntimeOptions Options { get; }

    /// <summary>The clock every step, timer and deadline reads.</summary>
    public TimeProvider Time { get; }

    /// <summary>The storage account's clients.</summary>
    public StorageClients Storage { get; }

    internal InstanceStore Store { get; }

    internal TimerIndex TimerIndex { get; }

    internal TimerSignal TimerSignal { get; }

    internal OutboxDispatcher Dispatcher { get; }

    internal HistoryChain Chain { get; }

    internal ProjectionWriter Projections { get; }

    internal InstanceList InstanceList { get; }

    /// <summary>Creates the runtime's tables (instances, work index, instance list by type, by status and its key list) if they do not exist; idempotent.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await Store.Table.CreateIfNotExistsAsync(cancellationToken);
        await TimerIndex.Table.CreateIfNotExistsAsync(cancellationToken);
        await InstanceList.Index.CreateIfNotExistsAsync(cancellationToken);
        await InstanceList.ByStatus.CreateIfNotExistsAsync(cancellationToken);
        await InstanceList.Keys.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>The instance's workflow, or null when its type is not registered here (it may be newer, or removed).</summary>
    private IWorkflow? WorkflowOf(InstanceRecord record) =>
        _registry.Contains(record.WorkflowType) ? _registry.Get(record.WorkflowType) : null;

    private StepPlanner PlannerFor(InstanceRecord record) => new(WorkflowOf(record), Chain, Time.GetUtcNow(), _registry.Versions);

    /// <summary>
    /// Loads the instance, plans a step and commits it, again from a fresh load whenever another step won
    /// the race; then carries out the committed effects and applies buffered events that became applicable.
    /// </summary>
    private async Task<RaiseOutcome> RunStepAsync(string instanceId, string? eventId, Func<InstanceRecord, Step> plan, int depth, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var record = await Store.LoadAsync(instanceId, ct);
            if (record is null)
            {
                return new(RaiseResult.NotFound, null);
            }

            var step = plan(record);
            if (step.Commit is null)
            {
                return new(await RefusalAsync(record, step.Result, eventId, ct), record.ToStatus(false), step.Reason);
            }

            var (commit, outcome) = await CommitFittingAsync(record, await DiscardingBufferedAsync(Indexed(record, step.Commit), ct), ct);
            switch (outcome.Result)
            {
                case CommitResult.Committed:
                    var committed = commit.Record with { ETag = outcome.ETag };
                    if (commit.InboxLeftBehind)
                    {
                        await DiscardInboxAsync(instanceId, ct);
                    }

                    await AfterCommitAsync(commit, depth, ct);
                    return commit.Entry?.Kind != HistoryKind.Failed || step.Result == RaiseResult.Failed
                        ? new(step.Result, committed.ToStatus(false), step.Reason)
                        : new(RaiseResult.Failed, committed.ToStatus(false), outcome.Problem);
                case CommitResult.Duplicate:
                    return new(RaiseResult.Duplicate, record.ToStatus(false));
                default:
                    RuntimeTelemetry.Conflicts.Add(1);
                    await BackOffAsync(attempt, ct);
                    break;
            }
        }

        throw new TimeoutException($"Instance '{instanceId}' changed {MaxCommitAttempts} times while a step was being committed; try again.");
    }

    /// <summary>
    /// Commits a step; one Azure would refuse is replaced by the failure of its instance with the reason (see
    /// <see cref="StepPlanner.DoesNotFit"/>), so that no step is retried for ever. Returns the commit made.
    /// </summary>
    private async Task<(Commit Commit, CommitOutcome Outcome)> CommitFittingAsync(InstanceRecord loaded, Commit commit, CancellationToken ct)
    {
        var outcome = await Store.CommitAsync(commit, ct);
        if (outcome.Result == CommitResult.Committed)
        {
            await RefreshListedAsync(loaded, commit, ct);
        }

        if (outcome.Result != CommitResult.DoesNotFit)
        {
            return (commit, outcome);
        }

        _logger.LogError("A step of {InstanceId} does not fit in Azure storage; the instance fails: {Problem}", commit.Record.InstanceId, outcome.Problem);
        var failure = Indexed(loaded, PlannerFor(loaded).DoesNotFit(loaded, commit, outcome.Problem!));
        var failed = await Store.CommitAsync(failure, ct);
        return failed.Result == CommitResult.DoesNotFit
            ? throw new InvalidOperationException($"Instance '{commit.Record.InstanceId}' cannot record its own failure: {failed.Problem}")
            : (failure, failed with { Problem = outcome.Problem });
    }

    /// <summary>An event refused by an ended instance is reported as a duplicate when it was in fact processed before.</summary>
    private async Task<RaiseResult> RefusalAsync(InstanceRecord record, RaiseResult refusal, string? eventId, CancellationToken ct) =>
        refusal == RaiseResult.Finished && eventId is not null && await Store.HasProcessedAsync(record.InstanceId, eventId, ct)
            ? RaiseResult.Duplicate
            : refusal;

    private async Task AfterCommitAsync(Commit commit, int depth, CancellationToken ct)
    {
        await CarryOutAsync(commit, depth, ct);
        if (commit.Record is { RuntimeStatus: RuntimeStatus.Running, BufferedEvents: > 0 })
        {
            await DrainInboxAsync(commit.Record.InstanceId, depth, ct);
        }
    }

    /// <summary>
    /// Carries out a committed step's outbox, behind what earlier steps left in it (an effect backing off after a
    /// failure, another host's step not carried out yet), so that an instance's effects go out in step order; or leaves
    /// it to the dispatcher of this host already carrying out the instance's outbox (a step reached through an event the
    /// instance sent, the sweeper), which reads it again before it lets go (see <see cref="OutboxDispatcher.CarryOutAsync"/>).
    /// Reading the outbox back costs one request, saved for the step that created the instance: no step came before it, and
    /// one that came since carries out the whole outbox itself. What cannot be done now is deferred to the sweeper.
    /// </summary>
    private async Task CarryOutAsync(Commit commit, int depth, CancellationToken ct)
    {
        var instanceId = commit.Record.InstanceId;
        if (commit.Outbox.Count == 0)
        {
            return;
        }

        OutboxProgress progress;
        try
        {
            progress = await Dispatcher.CarryOutAsync(instanceId, commit.Record.LastSequence, depth, atOnce: false, ct, commit.IsNew ? commit.Outbox : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The step is committed and marked: its outbox is the sweeper's to carry out.
            _logger.LogWarning(ex, "Outbox of {InstanceId} left for later: it could not be read back or its marks dropped", instanceId);
            Dispatcher.Defer(instanceId, Time.GetUtcNow() + Options.EffectRetryDelay);
            return;
        }

        if (progress.RetryAt is { } retryAt)
        {
            Dispatcher.Defer(instanceId, retryAt);
        }
    }

    /// <summary>
    /// The instance list reads its own read model, so a step that creates an instance or changes its runtime or
    /// custom status also projects its summary, after the decider's own effects.
    /// </summary>
    private static Commit Indexed(InstanceRecord? before, Commit commit)
    {
        var after = commit.Record;
        var changed = before is null || commit.IsNew || before.RuntimeStatus != after.RuntimeStatus || before.CustomStatus != after.CustomStatus;
        return commit.Entry is null || !changed
            ? commit
            : commit with { Outbox = [.. commit.Outbox, InstanceIndex.Item(after, commit.Outbox.Count, before?.RuntimeStatus)] };
    }

    /// <summary>Contention back-off: real wall-clock jitter, not workflow time, so it is not read from <see cref="Time"/>.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt + 2, 40))), TimeProvider.System, ct);
}
