using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;

namespace Guichet.Runtime.Storage;

/// <summary>
/// Everything one step writes to an instance's partition, committed as one entity group transaction
/// guarded by the state row's ETag: state, history entry, processed event id, outbox, inbox.
/// </summary>
internal sealed record Commit(InstanceRecord Record, bool IsNew)
{
    public HistoryEntry? Entry { get; init; }

    /// <summary>Entries sealed before <see cref="Entry"/> in the same step (an administrator's retry of a failed start, then the start).</summary>
    public IReadOnlyList<HistoryEntry> Preceding { get; init; } = [];
    public string? EventId { get; init; }
    public IReadOnlyList<OutboxItem> Outbox { get; init; } = [];
    public InboxItem? InboxAdd { get; init; }
    public long? InboxRemove { get; init; }
    public string? OutboxRemove { get; init; }

    /// <summary>Buffered events of an instance that ended first: each recorded as not applied, its inbox row deleted.</summary>
    public IReadOnlyList<InboxDiscard> Discards { get; init; } = [];

    /// <summary>Buffered events this step settles (applied, refused, failed on): their processed-event rows say so.</summary>
    public IReadOnlyList<EventSettlement> Settled { get; init; } = [];

    /// <summary>Whether buffered events that did not fit this transaction are left to record and delete right after it.</summary>
    public bool InboxLeftBehind { get; init; }

    /// <summary>Tables accept at most 100 operations in one transaction.</summary>
    public const int MaxOperations = 100;

    public int OperationCount =>
        1 + Preceding.Count + (Entry is null ? 0 : 1) + (EventId is null ? 0 : 1) + Outbox.Count
        + (InboxAdd is null ? 0 : 1) + (InboxRemove is null ? 0 : 1) + (OutboxRemove is null ? 0 : 1) + 2 * Discards.Count + Settled.Count;
}

/// <summary>How a commit ended.</summary>
internal enum CommitResult
{
    Committed,

    /// <summary>Another step changed the instance first; load it again and retry.</summary>
    Conflict,

    /// <summary>The event id was already processed.</summary>
    Duplicate,

    /// <summary>The instance already exists (on create).</summary>
    AlreadyExists,

    /// <summary>Azure would refuse (or refused) the transaction as it stands: a row or the batch exceeds a limit. Retrying cannot help.</summary>
    DoesNotFit,
}

/// <summary>How a commit ended, the new ETag of the state row when committed, and what does not fit when it does not.</summary>
internal sealed record CommitOutcome(CommitResult Result, Azure.ETag ETag = default, string? Problem = null);
