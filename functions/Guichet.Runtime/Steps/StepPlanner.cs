using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

/// <summary>
/// Plans what a trigger does to an instance: binds and decides the event, applies the decision's effects, seals
/// the history entry. Pure apart from the decider it calls; the runtime commits what it returns. The workflow
/// is null when the instance's type is no longer registered: operators may still terminate and purge it.
/// </summary>
internal sealed partial class StepPlanner(IWorkflow? workflow, HistoryChain chain, DateTimeOffset now, string? catalog = null)
{
    /// <summary>Reserved for the runtime's own timers; deciders may not use names with this prefix.</summary>
    public const string ReservedPrefix = "runtime.";

    public const string ScheduledStartTimer = ReservedPrefix + "start";

    public const int MaxStateBytes = 512 * 1024;


    private IWorkflow Workflow => workflow ?? throw new UnknownWorkflowTypeException("(not registered in this host)");

    /// <summary>
    /// Decides an event whose payload was written by code of version <paramref name="payloadVersion"/>. An event
    /// that does not bind, or that the decider rejects, is refused with nothing committed when a caller waits for
    /// the answer; otherwise (a timer, a buffered event) it is recorded as not applied and the state stays as it was.
    /// </summary>
    private Step Decide(InstanceRecord record, StepCause cause, int payloadVersion, bool callerWaits)
    {
        var @event = cause.Event!;
        StepResult result;
        try
        {
            var upcast = @event with { Payload = Workflow.UpcastEvent(@event.Name, @event.Payload, payloadVersion) };
            cause = cause with { Event = upcast };
            result = Workflow.Decide(record.State, record.WorkflowVersion, upcast, new EventContext(record.InstanceId, @event.Name, @event.EventId, @event.Origin, @event.Actor, now));
        }
        catch (EventBindingException ex)
        {
            return NotApplied(record, cause, RaiseResult.Invalid, ex.Message, callerWaits);
        }
        catch (Exception ex) when (ex is not WorkflowVersionException and not OperationCanceledException)
        {
            return new(Failure(record, cause, ex), RaiseResult.Failed);
        }

        if (result.Rejection is { } reason)
        {
            return NotApplied(record, cause, RaiseResult.Rejected, reason, callerWaits);
        }

        var commit = Commit(record, cause, result) with { EventId = @event.EventId };
        return new(commit, commit.Entry?.Kind == HistoryKind.Failed ? RaiseResult.Failed : RaiseResult.Applied);
    }

    /// <summary>Commits a decision: its state, status and effects; a step that cannot be carried out fails the instance instead.</summary>
    private Commit Commit(InstanceRecord record, StepCause cause, StepResult result)
    {
        var sequence = record.LastSequence + 1;
        EffectPlanner planner;
        try
        {
            if (result.State.Length > MaxStateBytes)
            {
                throw new EffectException($"The new state is {result.State.Length} bytes; an instance state holds at most {MaxStateBytes}.");
            }

            var decided = record with { State = result.State, CustomStatus = result.CustomStatus ?? record.CustomStatus, WorkflowVersion = Workflow.Version };
            planner = new EffectPlanner(decided, sequence, Workflow.Version, cause.CorrelationId) { Catalog = catalog }.Apply(result.Effects.Where(NotReserved).ToList());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failure(record, cause, ex);
        }

        // A decider that asks to fail is treated as one that threw: nothing of the step is kept, so that a rewind
        // returns to the state before it and a retry decides the same event again.
        if (planner.Record.RuntimeStatus == RuntimeStatus.Failed)
        {
            return Failure(record, cause, planner.Record.Error ?? "failed");
        }

        var entry = Entry(record, planner.Record, cause, planner.Record.Error, planner.Descriptions);
        return new Commit(Seal(planner.Record, entry), false) { Entry = entry, Outbox = planner.Outbox };
    }

    /// <summary>
    /// A bug (the decider threw, or asked for what cannot be done) fails the instance, which keeps its state and
    /// its timers (they wait in its inbox when due) so that an administrator can rewind it once the code is fixed.
    /// </summary>
    private Commit Failure(InstanceRecord record, StepCause cause, Exception ex) =>
        Failure(record, cause, $"{ex.GetType().Name}: {ex.Message}");

    private Commit Failure(InstanceRecord record, StepCause cause, string reason)
    {
        var error = Truncated(reason);
        var planner = new EffectPlanner(record with { RuntimeStatus = RuntimeStatus.Failed, Error = error }, record.LastSequence + 1, record.WorkflowVersion, cause.CorrelationId);
        var failed = Entry(record, planner.Record, cause with { Kind = HistoryKind.Failed }, error, planner.Descriptions);
        return new Commit(Seal(planner.Record, failed), false) { Entry = failed, Outbox = planner.Outbox, EventId = cause.Event?.EventId };
    }

    /// <summary>An event not applied: refused to a waiting caller, or recorded with its reason when nobody waits (the state is unchanged).</summary>
    private Step NotApplied(InstanceRecord record, StepCause cause, RaiseResult result, string reason, bool callerWaits)
    {
        if (callerWaits)
        {
            return Step.Refused(result, reason);
        }

        var entry = Entry(record, record, cause with { Kind = HistoryKind.Rejected }, Truncated(reason), []);
        return new(new Commit(Seal(record, entry), false) { Entry = entry, EventId = cause.Event?.EventId }, result, reason);
    }

    private static bool NotReserved(Effect effect) => effect switch
    {
        ScheduleTimer t when t.Name.StartsWith(ReservedPrefix, StringComparison.Ordinal) =>
            throw new EffectException($"Timer names starting with '{ReservedPrefix}' are reserved for the runtime."),
        _ => true,
    };

    private HistoryEntry Entry(InstanceRecord before, InstanceRecord after, StepCause cause, string? reason, IReadOnlyList<string> effects) =>
        chain.Seal(new HistoryEntry
        {
            Sequence = before.LastSequence + 1,
            At = now,
            Kind = cause.Kind,
            Name = cause.Name,
            EventId = cause.Event?.EventId,
            Actor = cause.Actor,
            Reason = reason,
            CorrelationId = cause.CorrelationId,
            Payload = cause.Event?.Payload,
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
        UpdatedAt = UpdatedAfter(after),
    };

    /// <summary>
    /// When a step of <paramref name="record"/> happens: now, or just after its last step when this host's clock is
    /// behind the host that wrote it, so that each step of an instance is later than the one before (the instance
    /// list breaks ties between copies of an instance's row on it).
    /// </summary>
    private DateTimeOffset UpdatedAfter(InstanceRecord record) => now > record.UpdatedAt ? now : record.UpdatedAt.AddTicks(1);
}
