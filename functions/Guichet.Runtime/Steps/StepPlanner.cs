using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

/// <summary>
/// Plans what a trigger does to an instance: runs the decider, applies its effects, seals the history entry.
/// Pure apart from the decider it calls; the runtime commits what it returns.
/// </summary>
internal sealed partial class StepPlanner(IWorkflow workflow, DateTimeOffset now)
{
    /// <summary>Reserved for the runtime's own timers; deciders may not use names with this prefix.</summary>
    public const string ReservedPrefix = "runtime.";

    public const string ScheduledStartTimer = ReservedPrefix + "start";

    public const int MaxStateBytes = 512 * 1024;

    private const int MaxStateRowBytes = 960 * 1024;
    private const int MaxStepBytes = 3 * 1024 * 1024 + 512 * 1024;

    /// <summary>Payloads are upcast from the version of the code that wrote them (a timer's, or the caller's).</summary>
    private Commit Decide(InstanceRecord record, HistoryKind kind, WorkflowEvent @event, string? correlationId, int payloadVersion)
    {
        var payload = workflow.UpcastEvent(@event.Name, @event.Payload, payloadVersion);
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
            EnsureFits(planner, @event);
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

    /// <summary>A table row holds 1 MiB and a transaction 4 MiB: a step that would not fit fails its instance, clearly, instead of failing to commit for ever.</summary>
    private static void EnsureFits(EffectPlanner planner, WorkflowEvent? @event)
    {
        var row = planner.Record.State.Length + (planner.Record.Input?.Length ?? 0) + (planner.Record.Output?.Length ?? 0);
        if (row > MaxStateRowBytes)
        {
            throw new EffectException($"State, input and output come to {row} bytes; an instance's row holds at most {MaxStateRowBytes}.");
        }

        var step = row + (@event?.Payload.GetRawText().Length ?? 0) + planner.Outbox.Sum(o => o.Payload?.Length ?? 0);
        if (step > MaxStepBytes)
        {
            throw new EffectException($"The step writes {step} bytes; one transaction holds at most {MaxStepBytes}.");
        }
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
