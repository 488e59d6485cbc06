using System.Globalization;
using Azure;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Tests.Steps;

/// <summary>
/// One instance's partition in memory, committed the way <c>InstanceStore.CommitAsync</c> commits it: all of a
/// commit or nothing, guarded by the state row's ETag; an event id already processed makes the commit a
/// duplicate whatever the ETag; rows a commit adds must not exist yet.
/// </summary>
internal sealed class InMemoryPartition
{
    private readonly HashSet<string> _processed = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, InboxItem> _inbox = [];
    private readonly SortedDictionary<string, OutboxItem> _outbox = new(StringComparer.Ordinal);
    private readonly List<HistoryEntry> _history = [];
    private readonly Dictionary<string, EventSettlement> _settled = new(StringComparer.Ordinal);
    private long _version;

    public InstanceRecord? Record { get; private set; }

    public IReadOnlyList<HistoryEntry> History => _history;

    public IReadOnlyDictionary<long, InboxItem> Inbox => _inbox;

    /// <summary>The outbox in row-key order, as the sweeper reads it.</summary>
    public IReadOnlyCollection<OutboxItem> Outbox => _outbox.Values;

    public CommitResult Commit(Commit commit)
    {
        if (commit.IsNew && Record is not null)
        {
            return CommitResult.AlreadyExists;
        }

        if (!commit.IsNew && (Record is null || commit.Record.ETag != Record.ETag))
        {
            return CommitResult.Conflict;
        }

        if (commit.EventId is not null && _processed.Contains(commit.EventId))
        {
            return CommitResult.Duplicate;
        }

        // Entries go in sequence: those before the step's own, the step's, then those of the buffered events it settles.
        var sequence = Record?.LastSequence ?? 0;
        foreach (var entry in Entries(commit))
        {
            if (entry.Sequence != ++sequence)
            {
                throw new InvalidOperationException($"History entry {entry.Sequence} does not follow {sequence - 1}.");
            }
        }

        if (Entries(commit).Any() && sequence != commit.Record.LastSequence)
        {
            throw new InvalidOperationException($"The record says {commit.Record.LastSequence} entries, the commit writes up to {sequence}.");
        }

        if (commit.InboxAdd is { } add && _inbox.ContainsKey(add.Position))
        {
            throw new InvalidOperationException($"Inbox row {add.Position} already exists.");
        }

        if (commit.EventId is not null)
        {
            _processed.Add(commit.EventId);
        }

        _history.AddRange(Entries(commit));
        foreach (var discard in commit.Discards)
        {
            _inbox.Remove(discard.Position);
        }

        foreach (var settled in commit.Settled)
        {
            _settled[settled.EventId] = settled;
        }

        foreach (var item in commit.Outbox)
        {
            _outbox.Add(item.RowKey, item);
        }

        if (commit.InboxAdd is not null)
        {
            _inbox.Add(commit.InboxAdd.Position, commit.InboxAdd);
        }

        if (commit.InboxRemove is { } position)
        {
            _inbox.Remove(position);
        }

        if (commit.OutboxRemove is not null)
        {
            _outbox.Remove(commit.OutboxRemove);
        }

        Record = commit.Record with { ETag = new ETag((++_version).ToString(CultureInfo.InvariantCulture)) };
        return CommitResult.Committed;
    }

    /// <summary>What the steps that settled buffered events recorded of them, by event id (the last word on each).</summary>
    public IReadOnlyDictionary<string, EventSettlement> Settled => _settled;

    private static IEnumerable<HistoryEntry> Entries(Commit commit) =>
        [.. commit.Preceding, .. commit.Entry is null ? [] : new[] { commit.Entry }, .. commit.Discards.Select(d => d.Entry)];

    /// <summary>Deletes an outbox row once its effect is carried out.</summary>
    public void Done(OutboxItem item) => _outbox.Remove(item.RowKey);
}
