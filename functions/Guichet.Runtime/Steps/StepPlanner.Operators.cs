using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>An operator's act (suspend, resume, terminate): needs no decider, so it works on an instance of a removed workflow type too.</summary>
    public Commit Control(InstanceRecord record, HistoryKind kind, RuntimeStatus target, string? reason, string? actor)
    {
        reason = reason is null ? null : Truncated(reason);
        var planner = new EffectPlanner(record with { RuntimeStatus = target, Error = kind == HistoryKind.Terminated ? reason : record.Error }, record.LastSequence + 1, record.WorkflowVersion, null);
        if (target.IsFinished())
        {
            planner.ClearAllTimers();
        }

        var entry = Entry(record, planner.Record, new StepCause(kind, kind.ToString(), null, actor, null), reason, planner.Descriptions);
        return new Commit(Seal(planner.Record, entry), false) { Entry = entry, Outbox = planner.Outbox };
    }

    /// <summary>
    /// Puts a Failed instance back to Running as it was before the failure, with its timers (those that came due
    /// meanwhile wait in its inbox and are applied next); the error goes, the reason stays in history.
    /// </summary>
    public Commit Rewind(InstanceRecord record, string reason, string? actor)
    {
        var planner = new EffectPlanner(record with { RuntimeStatus = RuntimeStatus.Running, Error = null }, record.LastSequence + 1, record.WorkflowVersion, null);
        var entry = Entry(record, planner.Record, new StepCause(HistoryKind.Rewound, "rewind", null, actor, null), Truncated(reason), planner.Descriptions);
        return new Commit(Seal(planner.Record, entry), false) { Entry = entry, Outbox = planner.Outbox };
    }

    public Commit DeliveryFailed(InstanceRecord record, OutboxItem item, string reason)
    {
        var payload = JsonSerializer.SerializeToElement(new { target = item.Target, eventName = item.Name, eventId = item.Id });
        var entry = chain.Seal(Entry(record, record, new StepCause(HistoryKind.DeliveryFailed, item.Name ?? "event", null, "runtime", item.CorrelationId), Truncated(reason), []) with { Payload = payload });
        return new Commit(Seal(record, entry), false) { Entry = entry, OutboxRemove = item.RowKey };
    }
}
