using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>The largest payload a given-up effect's history entry keeps whole; a larger one is recorded by its size.</summary>
    private const int MaxKeptPayloadBytes = 64 * 1024;

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
    /// An effect of this instance that was not carried out (an event its target refused or never got, an effect storage
    /// refused for good): recorded in the history with the reason and what it was, its payload included when small
    /// enough to keep, in the step that removes its outbox row, so that it is neither lost nor tried again.
    /// </summary>
    public Commit DeliveryFailed(InstanceRecord record, OutboxItem item, string reason, int attempts = 0)
    {
        var name = item.Kind == OutboxKind.SendEvent ? item.Name ?? "event" : item.Kind.ToString();
        var cause = new StepCause(HistoryKind.DeliveryFailed, name, null, "runtime", item.CorrelationId);
        // A timer whose row was never written never fires: it leaves the instance's pending timers with its outbox row.
        var after = item.Kind == OutboxKind.SetTimer
            ? record with { Timers = record.Timers.RemoveAll(t => t.TimerId == item.Id) }
            : record;
        var entry = chain.Seal(Entry(record, after, cause, Truncated(reason), []) with { Payload = Described(item, attempts) });
        return new Commit(Seal(after, entry), false) { Entry = entry, OutboxRemove = item.RowKey };
    }

    /// <summary>
    /// A timer whose firing can never succeed: recorded as not applied (<see cref="HistoryKind.Rejected"/>) with the
    /// reason, under the timer's event id so that a later copy of its firing is a duplicate, and gone from the pending timers.
    /// </summary>
    public Commit TimerNotFired(InstanceRecord record, Timers.DueTimer timer, string reason)
    {
        var after = record with { Timers = record.Timers.RemoveAll(t => t.TimerId == timer.TimerId) };
        var cause = new StepCause(HistoryKind.Rejected, timer.Name, null, "timer", timer.CorrelationId);
        var entry = Entry(record, after, cause, Truncated(reason), []);
        return new Commit(Seal(after, entry), false) { Entry = entry, EventId = "timer:" + timer.TimerId };
    }

    /// <summary>The effect as its history entry keeps it: enough to carry it out by hand, its payload only up to <see cref="MaxKeptPayloadBytes"/>.</summary>
    private static JsonElement Described(OutboxItem item, int attempts)
    {
        var described = new JsonObject
        {
            ["kind"] = item.Kind.ToString(),
            ["target"] = item.Target,
            ["name"] = item.Name,
            ["id"] = item.Id,
            ["attempts"] = attempts,
        };
        if (item.DueAt is { } dueAt)
        {
            described["dueAt"] = dueAt;
        }

        if (item.Payload is { Length: <= MaxKeptPayloadBytes } payload && Parsed(payload) is { } node)
        {
            described["payload"] = node;
        }
        else if (item.Payload is { } large)
        {
            described["payloadBytes"] = large.Length;
        }

        return JsonSerializer.SerializeToElement(described);
    }

    private static JsonNode? Parsed(byte[] json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
