using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>
    /// What an arriving event does to an instance: refused when it has ended or does not bind (an unknown name, a
    /// payload that does not fit its record); buffered while the instance is pending, suspended, has events
    /// waiting before it, or was written by code newer than this host's; decided otherwise.
    /// </summary>
    public Step Apply(InstanceRecord record, WorkflowEvent @event, string? correlationId, string? timerId, int payloadVersion)
    {
        // A Failed instance refuses its callers' events (someone is there to be told) but keeps its timers and the events
        // other instances send it: they wait in its inbox until it is rewound or retried, so that a bug in one instance
        // never makes another act on a refusal and leaves the two at odds once it is repaired.
        var held = record.RuntimeStatus == RuntimeStatus.Failed && (timerId is not null || @event.Origin == EventOrigin.Instance);
        if (record.RuntimeStatus.IsFinished() && !held)
        {
            return Step.Refused(RaiseResult.Finished, record.RuntimeStatus == RuntimeStatus.Failed ? FailedRefusal(record) : null);
        }

        if (timerId is not null && !record.Timers.Any(t => t.TimerId == timerId))
        {
            return Step.Refused(RaiseResult.Ignored);
        }

        if (timerId is not null && @event.Name == ScheduledStartTimer && record.RuntimeStatus == RuntimeStatus.Pending)
        {
            return RunStart(WithoutTimer(record, timerId), correlationId) is { Commit: { } start } step
                ? step with { Commit = start with { EventId = @event.EventId } }
                : Step.Refused(RaiseResult.Ignored);
        }

        // While earlier events wait in the inbox, a new one queues behind them, so that order holds. A buffered
        // timer stays pending until it is applied, so that an earlier buffered event may still cancel it.
        var callerWaits = @event.Origin != EventOrigin.Timer;
        var newer = NewerThanThisCode(record, payloadVersion);
        if (record.RuntimeStatus is RuntimeStatus.Pending or RuntimeStatus.Suspended || held || record.BufferedEvents > 0 || newer is not null)
        {
            if (newer is null && callerWaits && BindingProblem(@event, payloadVersion) is { } problem)
            {
                return Step.Refused(RaiseResult.Invalid, problem);
            }

            var item = new InboxItem(record.InboxTail, @event, correlationId, timerId, payloadVersion);
            var buffered = record with { InboxTail = record.InboxTail + 1, UpdatedAt = UpdatedAfter(record), Waiting = newer ?? record.Waiting };
            return new(new Commit(buffered, false) { InboxAdd = item, EventId = @event.EventId }, RaiseResult.Buffered, newer);
        }

        var current = timerId is null ? record : WithoutTimer(record, timerId);
        var decided = Decide(current, StepCause.Of(timerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired, @event, correlationId), payloadVersion, callerWaits);
        return decided.Commit is { } failure && IsFailure(failure)
            ? decided with { Commit = KeptAtHead(failure, record.Timers, new InboxItem(record.InboxTail, @event, correlationId, timerId, payloadVersion)) }
            : decided;
    }

    /// <summary>
    /// Applies the event at the head of the inbox; nobody waits for it any more, so a refusal is recorded, and sent
    /// to whoever raised it (see <see cref="Notices"/>). Null when it must wait on: its instance or payload is newer than this code.
    /// </summary>
    public Commit? ApplyBuffered(InstanceRecord record, InboxItem item)
    {
        if (NewerThanThisCode(record, item.Version) is { } newer)
        {
            return record.Waiting == newer ? null : new Commit(record with { Waiting = newer, UpdatedAt = UpdatedAfter(record) }, false);
        }

        var advanced = record with { InboxHead = item.Position + 1, Waiting = null };
        if (item.TimerId is not null && !record.Timers.Any(t => t.TimerId == item.TimerId))
        {
            // An event buffered before it cancelled or replaced this timer: it no longer fires.
            return new Commit(advanced with { UpdatedAt = UpdatedAfter(record) }, false) { InboxRemove = item.Position };
        }

        var current = item.TimerId is null ? advanced : WithoutTimer(advanced, item.TimerId);
        var kind = item.TimerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired;
        var step = Decide(current, StepCause.Of(kind, item.Event, item.CorrelationId), item.Version, callerWaits: false);

        // The event id was recorded when the event was buffered; its row now says what became of it. An event whose
        // step failed stays at the head; one refused owes its sender the refusal.
        var commit = step.Commit! with { EventId = null, Settled = [EventRows.Of(step.Commit!, item.Event.EventId)] };
        if (IsFailure(commit))
        {
            return StaysAtHead(commit, record.Timers, item.Position);
        }

        var notices = commit.Entry?.Kind == HistoryKind.Rejected
            ? Notices(commit.Record, item.Event, item.CorrelationId, step.Reason ?? "refused", commit.Record.LastSequence, commit.Outbox.Count)
            : [];
        return commit with { InboxRemove = item.Position, Outbox = [.. commit.Outbox, .. notices] };
    }

    /// <summary>Why this host must not decide for the instance (its state or the payload is from a newer version), or null.</summary>
    private string? NewerThanThisCode(InstanceRecord record, int payloadVersion)
    {
        var version = Math.Max(record.WorkflowVersion, payloadVersion);
        return workflow is null || version > workflow.Version
            ? $"Waiting for a host running version {version} of workflow '{record.WorkflowType}'; this host runs {(workflow is null ? "none" : workflow.Version)}."
            : null;
    }

    private string? BindingProblem(WorkflowEvent @event, int payloadVersion)
    {
        try
        {
            return Workflow.Check(@event.Name, Workflow.UpcastEvent(@event.Name, @event.Payload, payloadVersion));
        }
        catch (EventBindingException ex)
        {
            return ex.Message;
        }
    }

    private static InstanceRecord WithoutTimer(InstanceRecord record, string timerId) =>
        record with { Timers = record.Timers.RemoveAll(t => t.TimerId == timerId) };

    /// <summary>Why a Failed instance refuses an event: it is not ended for good, and says what puts it back to work.</summary>
    private static string FailedRefusal(InstanceRecord record) =>
        $"Instance '{record.InstanceId}' has failed: it takes no event until an administrator rewinds it or retries its failed event; its timers and the events other instances send it are held until then. Send the event again once it is running.";
}
