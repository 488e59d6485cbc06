using Guichet.Runtime.Instances;
using Guichet.Runtime.Steps;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>Ends a running, pending or suspended instance; its timers are cancelled and the reason recorded.</summary>
    public Task<ControlOutcome> TerminateAsync(string instanceId, string reason, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ControlAsync(instanceId, record => record.RuntimeStatus.IsFinished()
            ? Refuse(ControlResult.Finished)
            : (ControlResult.Done, PlannerFor(record).Control(record, HistoryKind.Terminated, RuntimeStatus.Terminated, reason, context?.Actor)), cancellationToken);
    }

    /// <summary>Suspends a running instance: events and due timers wait in its inbox until it is resumed.</summary>
    public Task<ControlOutcome> SuspendAsync(string instanceId, string? reason = null, RequestContext? context = null, CancellationToken cancellationToken = default) =>
        ControlAsync(instanceId, record => record.RuntimeStatus switch
        {
            RuntimeStatus.Suspended => Refuse(ControlResult.Done),
            RuntimeStatus.Running => (ControlResult.Done, PlannerFor(record).Control(record, HistoryKind.Suspended, RuntimeStatus.Suspended, reason, context?.Actor)),
            RuntimeStatus.Pending => Refuse(ControlResult.InvalidState),
            _ => Refuse(ControlResult.Finished),
        }, cancellationToken);

    /// <summary>Resumes a suspended instance and applies, in order, what it buffered meanwhile.</summary>
    public Task<ControlOutcome> ResumeAsync(string instanceId, string? reason = null, RequestContext? context = null, CancellationToken cancellationToken = default) =>
        ControlAsync(instanceId, record => record.RuntimeStatus switch
        {
            RuntimeStatus.Running or RuntimeStatus.Pending => Refuse(ControlResult.Done),
            RuntimeStatus.Suspended => (ControlResult.Done, PlannerFor(record).Control(record, HistoryKind.Resumed, RuntimeStatus.Running, reason, context?.Actor)),
            _ => Refuse(ControlResult.Finished),
        }, cancellationToken);

    /// <summary>
    /// Puts a Failed instance back to Running with the state it had before the failing step (as Durable Functions' rewind
    /// does), once the cause is fixed; one that failed in its start has no such state: its start runs again; its timers that came due meanwhile are applied next. The event whose step failed
    /// is recorded as not applied, with the reason, in the same transaction; the reason and the administrator are
    /// recorded in its history.
    /// </summary>
    public async Task<ControlOutcome> RewindAsync(string instanceId, string reason, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        for (var attempt = 0; ; attempt++)
        {
            var record = await Store.LoadAsync(instanceId, cancellationToken);
            if (record is null)
            {
                return new(ControlResult.NotFound, null);
            }

            // Read before the step is planned, which it cannot do; an inbox row never changes, so only its position is checked then.
            var failed = record.FailedEvent is { } position
                ? await Store.ReadInboxAsync(instanceId, position, cancellationToken) ?? throw new InvalidOperationException($"Instance '{instanceId}' lost the event it failed on ({position}).")
                : null;
            var moved = false;
            var outcome = await ControlAsync(instanceId, current =>
            {
                moved = current.RuntimeStatus == RuntimeStatus.Failed && current.FailedEvent != failed?.Position;
                return current.RuntimeStatus switch
                {
                    _ when moved => Refuse(ControlResult.InvalidState),
                    _ when StepPlanner.FailedToStart(current) => (ControlResult.Done, PlannerFor(current).RestartFailed(current, "rewind", reason, context?.Actor)),
                    RuntimeStatus.Failed => (ControlResult.Done, PlannerFor(current).Rewind(current, reason, context?.Actor, failed)),
                    RuntimeStatus.Completed or RuntimeStatus.Terminated => Refuse(ControlResult.Finished),
                    _ => Refuse(ControlResult.InvalidState),
                };
            }, cancellationToken);
            if (!moved || attempt >= 3)
            {
                return outcome;
            }
        }
    }

    /// <summary>
    /// Puts a Failed instance back to Running and applies again the event whose step failed (the same event, its id and
    /// actor, its payload as written by its version), so that a fixed decider decides it: one transaction, after which
    /// the event is applied from the head of the inbox, by this call or, after a crash, by the sweeper. An instance that
    /// failed in its start runs its start again from its recorded input. <see cref="ControlResult.InvalidState"/> when
    /// the instance has not failed.
    /// </summary>
    public async Task<ControlOutcome> RetryAsync(string instanceId, string reason, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var outcome = await ControlAsync(instanceId, record => record.RuntimeStatus switch
        {
            _ when StepPlanner.FailedToStart(record) => (ControlResult.Done, PlannerFor(record).RestartFailed(record, "retry", reason, context?.Actor)),
            RuntimeStatus.Failed when record.FailedEvent is not null => (ControlResult.Done, PlannerFor(record).Retry(record, reason, context?.Actor)),
            RuntimeStatus.Completed or RuntimeStatus.Terminated => Refuse(ControlResult.Finished),
            _ => Refuse(ControlResult.InvalidState),
        }, cancellationToken);

        // The drain after the commit applied the event again: the status says how that went.
        return outcome.Result == ControlResult.Done ? outcome with { Status = await GetStatusAsync(instanceId, false, cancellationToken) } : outcome;
    }

    /// <summary>
    /// Deletes an ended instance with its whole history, its pending-work marks and its row of the instance list.
    /// An instance still running is refused (<see cref="ControlResult.InvalidState"/>): history is append-only until
    /// then; so is one whose last effects cannot be carried out now. The rows it projected into other read models stay;
    /// an instance started again under its id is a later generation (its creation time), whose rows write over them.
    /// </summary>
    public async Task<ControlOutcome> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        var record = await Store.LoadAsync(instanceId, cancellationToken);
        if (record is null)
        {
            return new(ControlResult.NotFound, null);
        }

        if (!record.RuntimeStatus.IsFinished())
        {
            return new(ControlResult.InvalidState, record.ToStatus(false));
        }

        // Carry out what the instance still owes before its rows go; what cannot be done now keeps it.
        if (!(await CarryOutPendingAsync(instanceId, cancellationToken, atOnce: true)).IsDone)
        {
            return new(ControlResult.InvalidState, record.ToStatus(false));
        }

        await Store.DeletePartitionAsync(instanceId, cancellationToken);
        await foreach (var mark in Store.Marks.OfAsync(instanceId, cancellationToken))
        {
            await Store.Marks.DeleteAsync(mark.RowKey, Azure.ETag.All, cancellationToken);
        }

        await InstanceList.ForgetAsync(record, cancellationToken);
        return new(ControlResult.Done, null);
    }

    /// <summary>Purges every ended instance the query selects; returns how many were purged.</summary>
    public async Task<int> PurgeAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var finished = query with { RuntimeStatuses = [RuntimeStatus.Completed, RuntimeStatus.Failed, RuntimeStatus.Terminated] };
        var purged = 0;
        string? token = null;
        do
        {
            var page = await QueryInstancesAsync(finished, token, 100, cancellationToken);
            foreach (var status in page.Instances.Where(s => query.RuntimeStatuses is null || query.RuntimeStatuses.Contains(s.RuntimeStatus)))
            {
                if ((await PurgeAsync(status.InstanceId, cancellationToken)).Result == ControlResult.Done)
                {
                    purged++;
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return purged;
    }

    private static (ControlResult, Storage.Commit?) Refuse(ControlResult result) => (result, null);

    private async Task<ControlOutcome> ControlAsync(string instanceId, Func<InstanceRecord, (ControlResult Result, Storage.Commit? Commit)> plan, CancellationToken ct)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        var result = ControlResult.NotFound;
        var outcome = await RunStepAsync(
            instanceId,
            null,
            record =>
            {
                (result, var commit) = plan(record);
                return new Step(commit, RaiseResult.Applied);
            },
            0,
            ct);
        return outcome.Result == RaiseResult.NotFound ? new(ControlResult.NotFound, null) : new(result, outcome.Status);
    }
}
