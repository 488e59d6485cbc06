using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    public Commit Control(InstanceRecord record, HistoryKind kind, RuntimeStatus target, string? reason, string? actor)
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
        var entry = HistoryChain.Seal(Entry(record, record, HistoryKind.DeliveryFailed, item.Name ?? "event", null, "runtime", reason, item.CorrelationId, []) with { Payload = payload });
        return new Commit(Seal(record, entry), false) { Entry = entry, OutboxRemove = item.RowKey };
    }
}
