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

        if (timerId is not null && !record.Timers.Any(t => t.TimerId == timerId))
        {
            return Step.Refused(RaiseResult.Ignored);
        }

        if (timerId is not null && @event.Name == ScheduledStartTimer && record.RuntimeStatus == RuntimeStatus.Pending)
        {
            return new(RunStart(WithoutTimer(record, timerId), correlationId) with { EventId = @event.EventId }, RaiseResult.Applied);
        }

        // While earlier events wait in the inbox, a new one queues behind them, so that order holds. A buffered
        // timer stays pending until it is applied, so that an earlier buffered event may still cancel it.
        if (record.RuntimeStatus is RuntimeStatus.Pending or RuntimeStatus.Suspended || record.BufferedEvents > 0)
        {
            var item = new InboxItem(record.InboxTail, @event, correlationId, timerId, payloadVersion);
            var buffered = record with { InboxTail = record.InboxTail + 1, UpdatedAt = now };
            return new(new Commit(buffered, false) { InboxAdd = item, EventId = @event.EventId }, RaiseResult.Buffered);
        }

        var current = timerId is null ? record : WithoutTimer(record, timerId);
        var commit = Decide(current, timerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired, @event, correlationId, payloadVersion);
        return new(commit, commit.Record.RuntimeStatus == RuntimeStatus.Failed && commit.Entry?.Kind == HistoryKind.Failed ? RaiseResult.Failed : RaiseResult.Applied);
    }

    public Commit ApplyBuffered(InstanceRecord record, InboxItem item)
    {
        var advanced = record with { InboxHead = item.Position + 1 };
        if (item.TimerId is not null && !record.Timers.Any(t => t.TimerId == item.TimerId))
        {
            // An event buffered before it cancelled or replaced this timer: it no longer fires.
            return new Commit(advanced with { UpdatedAt = now }, false) { InboxRemove = item.Position };
        }

        var current = item.TimerId is null ? advanced : WithoutTimer(advanced, item.TimerId);
        var commit = Decide(current, item.TimerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired, item.Event, item.CorrelationId, item.Version);

        // The event id was recorded when the event was buffered.
        return commit with { EventId = null, InboxRemove = item.Position };
    }

    private static InstanceRecord WithoutTimer(InstanceRecord record, string timerId) =>
        record with { Timers = record.Timers.RemoveAll(t => t.TimerId == timerId) };
}
