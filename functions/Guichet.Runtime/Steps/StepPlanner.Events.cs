using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    public Step Apply(InstanceRecord record, WorkflowEvent @event, string? correlationId, string? timerId, int payloadVersion)
    {
        if (record.RuntimeStatus.IsFinished())
        {
            return Step.Refused(RaiseResult.Finished);
        }

        var current = record;
        if (timerId is not null)
        {
            var timer = record.Timers.FirstOrDefault(t => t.TimerId == timerId);
            if (timer is null)
            {
                return Step.Refused(RaiseResult.Ignored);
            }

            current = record with { Timers = record.Timers.Remove(timer) };
        }

        if (timerId is not null && @event.Name == ScheduledStartTimer && current.RuntimeStatus == RuntimeStatus.Pending)
        {
            return new(RunStart(current, @event.Actor, correlationId) with { EventId = @event.EventId }, RaiseResult.Applied);
        }

        // While earlier events wait in the inbox, a new one queues behind them, so that order holds.
        if (current.RuntimeStatus is RuntimeStatus.Pending or RuntimeStatus.Suspended || current.BufferedEvents > 0)
        {
            var item = new InboxItem(current.InboxTail, @event, correlationId, timerId, payloadVersion);
            var buffered = current with { InboxTail = current.InboxTail + 1, UpdatedAt = now };
            return new(new Commit(buffered, false) { InboxAdd = item, EventId = @event.EventId }, RaiseResult.Buffered);
        }

        var commit = Decide(current, timerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired, @event, correlationId, payloadVersion);
        return new(commit, commit.Record.RuntimeStatus == RuntimeStatus.Failed && commit.Entry?.Kind == HistoryKind.Failed ? RaiseResult.Failed : RaiseResult.Applied);
    }

    public Commit ApplyBuffered(InstanceRecord record, InboxItem item)
    {
        var kind = item.TimerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired;
        var commit = item.TimerId is not null && item.Event.Name == ScheduledStartTimer
            ? RunStart(record, item.Event.Actor, item.CorrelationId)
            : Decide(record, kind, item.Event, item.CorrelationId, item.Version);
        // The event id was recorded when the event was buffered.
        return commit with { EventId = null, InboxRemove = item.Position, Record = commit.Record with { InboxHead = item.Position + 1 } };
    }
}
