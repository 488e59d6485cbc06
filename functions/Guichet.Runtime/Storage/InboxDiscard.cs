using Guichet.Runtime.Instances;

namespace Guichet.Runtime.Storage;

/// <summary>A buffered event its instance will never apply: the history entry that says so, and the inbox row it deletes.</summary>
internal sealed record InboxDiscard(long Position, HistoryEntry Entry);
