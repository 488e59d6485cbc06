using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Workflows;

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
    /// Puts a Failed instance back to Running with the state it had before the failure (as Durable Functions'
    /// rewind does), once the cause is fixed; its timers that came due meanwhile are applied next. The reason
    /// and the administrator are recorded in its history.
    /// </summary>
    public Task<ControlOutcome> RewindAsync(string instanceId, string reason, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ControlAsync(instanceId, record => record.RuntimeStatus switch
        {
            RuntimeStatus.Failed => (ControlResult.Done, PlannerFor(record).Rewind(record, reason, context?.Actor)),
            RuntimeStatus.Completed or RuntimeStatus.Terminated => Refuse(ControlResult.Finished),
            _ => Refuse(ControlResult.InvalidState),
        }, cancellationToken);
    }

    /// <summary>
    /// Rewinds a Failed instance and applies again the event whose decision failed (under a new event id, as the
    /// same actor), so that a fixed decider decides it; <see cref="ControlResult.InvalidState"/> when the instance
    /// did not fail on an event (it asked to fail, or failed on start: rewind it instead).
    /// </summary>
    public async Task<ControlOutcome> RetryAsync(string instanceId, string reason, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var record = await Store.LoadAsync(instanceId, cancellationToken);
        if (record is null)
        {
            return new(ControlResult.NotFound, null);
        }

        var failed = record.RuntimeStatus == RuntimeStatus.Failed ? await Store.ReadHistoryEntryAsync(instanceId, record.LastSequence, cancellationToken) : null;
        if (failed is not { Kind: HistoryKind.Failed, EventId: { } eventId, Payload: { } payload })
        {
            return new(record.RuntimeStatus.IsFinished() && record.RuntimeStatus != RuntimeStatus.Failed ? ControlResult.Finished : ControlResult.InvalidState, record.ToStatus(false));
        }

        var rewound = await RewindAsync(instanceId, reason, context, cancellationToken);
        if (rewound.Result != ControlResult.Done)
        {
            return rewound;
        }

        var origin = eventId.StartsWith("timer:", StringComparison.Ordinal) ? EventOrigin.Timer : EventOrigin.External;
        var again = new WorkflowEvent(failed.Name, payload, $"retry:{failed.Sequence}:{eventId}", origin, failed.Actor);
        var outcome = await ApplyEventAsync(instanceId, again, context?.CorrelationId ?? failed.CorrelationId, null, 0, cancellationToken, failed.WorkflowVersion);
        return new(ControlResult.Done, outcome.Status);
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
        if (!(await CarryOutPendingAsync(instanceId, cancellationToken)).IsDone)
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
