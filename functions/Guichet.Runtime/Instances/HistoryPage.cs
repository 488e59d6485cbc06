namespace Guichet.Runtime.Instances;

/// <summary>A page of an instance's history, in order.</summary>
/// <param name="Entries">The entries from the sequence asked for, at most the page size asked for.</param>
/// <param name="NextSequence">Where the next page starts, or null when this page reaches the instance's last entry.</param>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, long? NextSequence)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultSize = 100;

    /// <summary>The largest page: what one table query returns.</summary>
    public const int MaxSize = 1000;
}
