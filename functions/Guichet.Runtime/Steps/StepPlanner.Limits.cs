using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>The longest error kept on an instance and in its history: exception messages can be of any length.</summary>
    private const int MaxErrorChars = 4000;

    /// <summary>A timer's event id is its timer id after this prefix.</summary>
    private const string TimerEventPrefix = "timer:";

    /// <summary>
    /// A step Azure would refuse (a row or the transaction exceeds a limit) fails its instance with the reason,
    /// instead of failing to commit for ever: the state stays as before the step, and the event that brought it stays
    /// at the head of the inbox (its timer pending), for an administrator to retry once the cause is fixed, or to rewind
    /// past. A refused start creates the instance, Failed, with the reason.
    /// </summary>
    public Commit DoesNotFit(InstanceRecord loaded, Commit unfit, string problem)
    {
        var before = unfit.IsNew ? Unstarted(unfit.Record) : loaded;
        var @event = unfit.Entry is { Payload: { } payload, EventId: { } eventId } entry
            ? new WorkflowEvent(entry.Name, payload, eventId, eventId.StartsWith(TimerEventPrefix, StringComparison.Ordinal) ? EventOrigin.Timer : EventOrigin.External, entry.Actor)
            : unfit.InboxAdd?.Event;
        var cause = new StepCause(HistoryKind.Failed, unfit.Entry?.Name ?? @event?.Name ?? "step", @event, unfit.Entry?.Actor ?? @event?.Actor, unfit.Entry?.CorrelationId ?? unfit.InboxAdd?.CorrelationId);
        var failure = Failure(before, cause, new EffectException(problem)) with { IsNew = unfit.IsNew, EventId = unfit.EventId };
        if (unfit.InboxRemove is { } position)
        {
            // A buffered event: its processed-event row says Buffered until this step's settles it as failed. Other
            // settlements of the unfit step (leftover events it discarded) did not happen.
            var settled = @event is null ? failure : failure with { Settled = [EventRows.Of(failure, @event.EventId)] };
            return StaysAtHead(settled, before.Timers, position);
        }

        if (!unfit.IsNew && unfit.InboxAdd is null && @event is not null)
        {
            // Decided directly: the entry holds the payload as upcast to the version of the code that decided it.
            var timerId = @event.Origin == EventOrigin.Timer ? @event.EventId[TimerEventPrefix.Length..] : null;
            return KeptAtHead(failure, before.Timers, new InboxItem(before.InboxTail, @event, cause.CorrelationId, timerId, workflow?.Version ?? unfit.Entry!.WorkflowVersion));
        }

        // A start, or an event that did not fit the inbox it was to wait in: nothing to keep.
        return failure;
    }

    private static string Truncated(string error) =>
        error.Length <= MaxErrorChars ? error : string.Concat(error.AsSpan(0, MaxErrorChars), "…");

    private static InstanceRecord Unstarted(InstanceRecord created) => created with
    {
        RuntimeStatus = RuntimeStatus.Running,
        State = [],
        CustomStatus = null,
        Output = null,
        Error = null,
        Timers = [],
        LastSequence = 0,
        LastHash = string.Empty,
        HistorySize = 0,
    };
}
