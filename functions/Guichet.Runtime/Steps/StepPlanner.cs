using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

/// <summary>
/// Plans what a trigger does to an instance: runs the decider, applies its effects, seals the history entry.
/// Pure apart from the decider it calls; the runtime commits what it returns.
/// </summary>
internal sealed class StepPlanner(IWorkflow workflow, DateTimeOffset now)
{
    /// <summary>Reserved for the runtime's own timers; deciders may not use names with this prefix.</summary>
    public const string ReservedPrefix = "runtime.";

    public const string ScheduledStartTimer = ReservedPrefix + "start";

    public const int MaxStateBytes = 512 * 1024;

    public Commit Start(string instanceId, byte[] input, string? actor, string? correlationId, DateTimeOffset? startAt)
    {
        var created = new InstanceRecord
        {
            InstanceId = instanceId,
            WorkflowType = workflow.Type,
            WorkflowVersion = workflow.Version,
            RuntimeStatus = RuntimeStatus.Pending,
            State = [],
            CreatedAt = now,
            UpdatedAt = now,
            Input = input,
            CorrelationId = correlationId,
            StartActor = actor,
        };
        if (startAt is { } at && at > now)
        {
            var planner = new EffectPlanner(created, 1, workflow.Version, correlationId).Apply([new ScheduleTimer(ScheduledStartTimer, at)]);
            var entry = Entry(created, planner.Record, HistoryKind.Scheduled, ScheduledStartTimer, null, actor, null, correlationId, planner.Descriptions);
            return new Commit(Seal(planner.Record, entry), IsNew: true) { Entry = entry, Outbox = planner.Outbox };
        }

        return RunStart(created, actor, correlationId) with { IsNew = true };
    }

    public Commit RunStart(InstanceRecord pending, string? actor, string? correlationId)
    {
        var input = JsonDocument.Parse(pending.Input ?? "null"u8.ToArray()).RootElement;
        var start = new WorkflowStart(pending.InstanceId, input, actor);
        var running = pending with { RuntimeStatus = RuntimeStatus.Running };
        return Decide(running, HistoryKind.Started, "start", null, actor, correlationId, () => workflow.Start(start, now), pending);
    }

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

        if (current.RuntimeStatus is RuntimeStatus.Pending or RuntimeStatus.Suspended)
        {
            var item = new InboxItem(current.InboxTail, @event, correlationId, timerId, payloadVersion);
            var buffered = current with { InboxTail = current.InboxTail + 1, UpdatedAt = now };
            return new(new Commit(buffered, false) { InboxAdd = item, EventId = @event.EventId }, RaiseResult.Buffered);
        }

        if (timerId is not null && @event.Name == ScheduledStartTimer)
        {
            return new(RunStart(current, @event.Actor, correlationId) with { EventId = @event.EventId }, RaiseResult.Applied);
        }

        var commit = Decide(current, timerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired, @event, correlationId);
        return new(commit, commit.Record.RuntimeStatus == RuntimeStatus.Failed && commit.Entry?.Kind == HistoryKind.Failed ? RaiseResult.Failed : RaiseResult.Applied);
    }

    public Commit ApplyBuffered(InstanceRecord record, InboxItem item)
    {
        var kind = item.TimerId is null ? HistoryKind.EventApplied : HistoryKind.TimerFired;
        var commit = item.TimerId is not null && item.Event.Name == ScheduledStartTimer
            ? RunStart(record, item.Event.Actor, item.CorrelationId)
            : Decide(record, kind, item.Event, item.CorrelationId);
        // The event id was recorded when the event was buffered; removing the inbox row in this commit is what
        // makes applying it happen once. Recording the id again would fail the commit as a duplicate, forever.
        return commit with { EventId = null, InboxRemove = item.Position, Record = commit.Record with { InboxHead = item.Position + 1 } };
    }

    public Commit? Control(InstanceRecord record, HistoryKind kind, RuntimeStatus target, string? reason, string? actor)
    {
        var planner = new EffectPlanner(record with { RuntimeStatus = target, Error = kind == HistoryKind.Terminated ? reason : record.Error }, record.LastSequence + 1, record.WorkflowVersion, null);
        if (target.IsFinished())
        {
            planner.ClearAllTimers();
        }

        var entry = Entry(record, planner.Record, kind, kind.ToString(), null, actor, reason, null, planner.Descriptions);
        return new Commit(Seal(planner.Record, entry), false) { Entry = entry, Outbox = planner.Outbox };
    }

    public Commit DeliveryFailed(InstanceRecord record, OutboxItem item, string reason)
    {
        var payload = JsonSerializer.SerializeToElement(new { target = item.Target, eventName = item.Name, eventId = item.Id });
        var entry = Entry(record, record, HistoryKind.DeliveryFailed, item.Name ?? "event", null, "runtime", reason, item.CorrelationId, []) with { Payload = payload };
        return new Commit(Seal(record, entry), false) { Entry = entry, OutboxRemove = item.RowKey };
    }

    private Commit Decide(InstanceRecord record, HistoryKind kind, WorkflowEvent @event, string? correlationId)
    {
        var payload = workflow.UpcastEvent(@event.Name, @event.Payload, record.WorkflowVersion);
        var upcast = @event with { Payload = payload };
        return Decide(record, kind, upcast.Name, upcast, upcast.Actor, correlationId, () => workflow.Decide(record.State, record.WorkflowVersion, upcast, now), record) with { EventId = @event.EventId };
    }

    private Commit Decide(InstanceRecord record, HistoryKind kind, string name, WorkflowEvent? @event, string? actor, string? correlationId, Func<StepResult> decide, InstanceRecord before)
    {
        var sequence = before.LastSequence + 1;
        EffectPlanner planner;
        try
        {
            var result = decide();
            if (result.State.Length > MaxStateBytes)
            {
                throw new EffectException($"The new state is {result.State.Length} bytes; an instance state holds at most {MaxStateBytes}.");
            }

            var decided = record with { State = result.State, CustomStatus = result.CustomStatus ?? record.CustomStatus, WorkflowVersion = workflow.Version };
            planner = new EffectPlanner(decided, sequence, workflow.Version, correlationId).Apply(result.Effects.Where(NotReserved).ToList());
        }
        catch (Exception ex) when (ex is not WorkflowVersionException and not OperationCanceledException)
        {
            var error = $"{ex.GetType().Name}: {ex.Message}";
            planner = new EffectPlanner(record with { RuntimeStatus = RuntimeStatus.Failed, Error = error }, sequence, record.WorkflowVersion, correlationId);
            planner.ClearAllTimers();
            var failed = Entry(before, planner.Record, HistoryKind.Failed, name, @event, actor, error, correlationId, planner.Descriptions);
            return new Commit(Seal(planner.Record, failed), false) { Entry = failed, Outbox = planner.Outbox };
        }

        var entry = Entry(before, planner.Record, kind, name, @event, actor, planner.Record.Error, correlationId, planner.Descriptions);
        return new Commit(Seal(planner.Record, entry), false) { Entry = entry, Outbox = planner.Outbox };
    }

    private static bool NotReserved(Effect effect) => effect switch
    {
        ScheduleTimer t when t.Name.StartsWith(ReservedPrefix, StringComparison.Ordinal) =>
            throw new EffectException($"Timer names starting with '{ReservedPrefix}' are reserved for the runtime."),
        _ => true,
    };

    private HistoryEntry Entry(InstanceRecord before, InstanceRecord after, HistoryKind kind, string name, WorkflowEvent? @event, string? actor, string? reason, string? correlationId, IReadOnlyList<string> effects) =>
        HistoryChain.Seal(new HistoryEntry
        {
            Sequence = before.LastSequence + 1,
            At = now,
            Kind = kind,
            Name = name,
            EventId = @event?.EventId,
            Actor = actor,
            Reason = reason,
            CorrelationId = correlationId,
            Payload = @event?.Payload,
            StatusBefore = before.CustomStatus,
            StatusAfter = after.CustomStatus,
            RuntimeStatus = after.RuntimeStatus,
            WorkflowVersion = after.WorkflowVersion,
            Effects = effects,
            PreviousHash = before.LastHash,
            Hash = string.Empty,
        });

    private InstanceRecord Seal(InstanceRecord after, HistoryEntry entry) => after with
    {
        LastSequence = entry.Sequence,
        LastHash = entry.Hash,
        HistorySize = after.HistorySize + HistoryRows.PayloadSize(entry),
        UpdatedAt = now,
    };
}
