using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>The longest error kept on an instance and in its history: exception messages can be of any length.</summary>
    private const int MaxErrorChars = 4000;

    /// <summary>
    /// A step Azure would refuse (a row or the transaction exceeds a limit) fails its instance with the reason,
    /// instead of failing to commit for ever: the state stays as before the step, the event is recorded as the
    /// one that failed (an administrator may retry it once the cause is fixed), and the timer or buffered event
    /// that brought it is consumed. A refused start creates the instance, Failed, with the reason.
    /// </summary>
    public Commit DoesNotFit(InstanceRecord loaded, Commit unfit, string problem)
    {
        var before = unfit.IsNew ? Unstarted(unfit.Record) : loaded;
        if (unfit.Entry?.EventId is { } id && id.StartsWith("timer:", StringComparison.Ordinal))
        {
            before = before with { Timers = before.Timers.RemoveAll(t => "timer:" + t.TimerId == id) };
        }

        if (unfit.InboxRemove is { } position)
        {
            before = before with { InboxHead = position + 1 };
        }

        var @event = unfit.Entry is { Payload: { } payload, EventId: { } eventId } entry
            ? new WorkflowEvent(entry.Name, payload, eventId, EventOrigin.External, entry.Actor)
            : unfit.InboxAdd?.Event;
        var cause = new StepCause(HistoryKind.Failed, unfit.Entry?.Name ?? @event?.Name ?? "step", @event, unfit.Entry?.Actor ?? @event?.Actor, unfit.Entry?.CorrelationId ?? unfit.InboxAdd?.CorrelationId);
        return Failure(before, cause, new EffectException(problem)) with { IsNew = unfit.IsNew, EventId = unfit.EventId, InboxRemove = unfit.InboxRemove };
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
