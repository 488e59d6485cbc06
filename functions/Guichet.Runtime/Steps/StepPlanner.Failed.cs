using System.Collections.Immutable;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>
    /// An event whose step failed (the decider threw, or the step does not fit) stays at the head of the instance's
    /// inbox, with the workflow version its payload was written in and its timer still pending, until an administrator
    /// retries it (applies it again) or rewinds past it (records it as not applied): each is then one transaction.
    /// </summary>
    private static bool IsFailure(Commit commit) => commit.Entry?.Kind == HistoryKind.Failed;

    /// <summary>The failure of an event that came directly (not from the inbox, which was empty): it goes into the inbox, at its head.</summary>
    private static Commit KeptAtHead(Commit failure, ImmutableList<PendingTimer> timers, InboxItem item) => failure with
    {
        Record = failure.Record with { InboxTail = item.Position + 1, FailedEvent = item.Position, Timers = timers },
        InboxAdd = item,
    };

    /// <summary>The failure of the event at the head of the inbox: it stays there.</summary>
    private static Commit StaysAtHead(Commit failure, ImmutableList<PendingTimer> timers, long position) => failure with
    {
        Record = failure.Record with { InboxHead = position, FailedEvent = position, Timers = timers },
        InboxRemove = null,
    };

    /// <summary>
    /// Puts a Failed instance back to Running, the event that failed left at the head of its inbox, where the drain
    /// that follows the commit applies it again (with a fixed decider, say); a crash after the commit leaves the inbox
    /// marked, so the sweeper applies it. The reason and the administrator are recorded.
    /// </summary>
    public Commit Retry(InstanceRecord record, string reason, string? actor)
    {
        var running = record with { RuntimeStatus = RuntimeStatus.Running, Error = null, FailedEvent = null };
        var entry = Entry(record, running, new StepCause(HistoryKind.Rewound, "retry", null, actor, null), Truncated(reason), []);
        return new Commit(Seal(running, entry), false) { Entry = entry };
    }

    /// <summary>Whether the instance failed in its start: it has no state to go back to, only its recorded input to start from again.</summary>
    public static bool FailedToStart(InstanceRecord record) => record.RuntimeStatus == RuntimeStatus.Failed && record.State.Length == 0;

    /// <summary>
    /// Runs again the start that failed, from the input recorded when the instance was created, in one transaction
    /// with the administrator's entry (<paramref name="operation"/>: retry or rewind, both go back to "not started").
    /// A start the decider now refuses ends the instance as Terminated with the reason, as a refused scheduled start does.
    /// </summary>
    public Commit RestartFailed(InstanceRecord record, string operation, string reason, string? actor)
    {
        var pending = record with { RuntimeStatus = RuntimeStatus.Pending, Error = null, FailedEvent = null };
        var entry = Entry(record, pending, new StepCause(HistoryKind.Rewound, operation, null, actor, null), Truncated(reason), []);
        var started = RunStart(Seal(pending, entry), record.CorrelationId).Commit!;
        return started with { Preceding = [entry, .. started.Preceding] };
    }

    /// <summary>
    /// Puts a Failed instance back to Running as it was before the failure, with its timers (those that came due
    /// meanwhile wait in its inbox and are applied next); the error goes, the reason stays in history. The event that
    /// failed, <paramref name="failed"/>, is skipped in the same transaction: recorded as not applied, with the reason.
    /// </summary>
    public Commit Rewind(InstanceRecord record, string reason, string? actor, InboxItem? failed)
    {
        reason = Truncated(reason);
        var planner = new EffectPlanner(record with { RuntimeStatus = RuntimeStatus.Running, Error = null, FailedEvent = null }, record.LastSequence + 1, record.WorkflowVersion, null);
        var entry = Entry(record, planner.Record, new StepCause(HistoryKind.Rewound, "rewind", null, actor, null), reason, planner.Descriptions);
        var rewound = new Commit(Seal(planner.Record, entry), false) { Entry = entry, Outbox = planner.Outbox };
        if (failed is null)
        {
            return rewound;
        }

        var skipped = rewound.Record with
        {
            InboxHead = failed.Position + 1,
            Timers = failed.TimerId is { } timerId ? rewound.Record.Timers.RemoveAll(t => t.TimerId == timerId) : rewound.Record.Timers,
        };
        var cause = new StepCause(HistoryKind.Rejected, failed.Event.Name, null, failed.Event.Actor, failed.CorrelationId);
        var why = Truncated($"Not applied: the instance was rewound past it ({reason}).");
        var notApplied = chain.Seal(Entry(skipped, skipped, cause, why, []) with { EventId = failed.Event.EventId });
        var after = Seal(skipped, notApplied);
        return rewound with
        {
            Record = after,
            Discards = [new(failed.Position, notApplied)],
            Settled = [new(failed.Event.EventId, EventResult.Refused, why)],
            Outbox = [.. rewound.Outbox, .. Notices(after, failed.Event, failed.CorrelationId, why, after.LastSequence, rewound.Outbox.Count)],
        };
    }
}
