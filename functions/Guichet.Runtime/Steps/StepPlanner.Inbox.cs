using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>How many buffered events a commit has room to record as not applied (see <see cref="OperationsPerDiscard"/>).</summary>
    public static int DiscardRoom(Commit commit) => Math.Max(0, (Storage.Commit.MaxOperations - commit.OperationCount) / OperationsPerDiscard);

    /// <summary>The entry, the inbox row's deletion, the processed-event row's result, and up to two notices to its sender.</summary>
    private const int OperationsPerDiscard = 5;

    /// <summary>
    /// An instance that completes or is terminated with events still buffered never applies them: each of
    /// <paramref name="items"/> gets a history entry of kind <see cref="HistoryKind.Rejected"/> (its name, event id,
    /// actor and correlation id; not its payload, so that the entries fit the step's transaction) and its inbox row
    /// goes in the same commit. The head moves to the tail, so that a buffered event left behind is never applied.
    /// </summary>
    /// <remarks>
    /// <paramref name="withReplies"/> false leaves out the refusal replies left by external callers (up to 48 KiB each):
    /// for an event whose discard does not fit a transaction even alone; its outcome still says it was refused.
    /// </remarks>
    public Commit DiscardBuffered(Commit commit, IReadOnlyList<InboxItem> items, bool withReplies = true)
    {
        var ended = commit.Record.RuntimeStatus.ToString().ToLowerInvariant();
        var record = commit.Record with { InboxHead = commit.Record.InboxTail, Waiting = null };
        var discards = new List<InboxDiscard>(items.Count);
        var settled = new List<EventSettlement>(items.Count);
        var notices = new List<OutboxItem>();
        var reason = $"Not applied: instance {ended}.";
        foreach (var item in items)
        {
            var cause = new StepCause(HistoryKind.Rejected, item.Event.Name, null, item.Event.Actor, item.CorrelationId);
            var entry = chain.Seal(Entry(record, record, cause, reason, []) with { EventId = item.Event.EventId });
            record = Seal(record, entry);
            discards.Add(new(item.Position, entry));
            settled.Add(new(item.Event.EventId, EventResult.Refused, reason));
            notices.AddRange(Notices(record, item.Event, item.CorrelationId, reason, entry.Sequence, 0).Where(n => withReplies || n.Kind != OutboxKind.SendMessage));
        }

        return commit with
        {
            Record = record,
            Discards = discards,
            Settled = [.. commit.Settled, .. settled],
            Outbox = [.. commit.Outbox, .. notices],
            InboxLeftBehind = items.Count < commit.Record.BufferedEvents,
        };
    }
}
