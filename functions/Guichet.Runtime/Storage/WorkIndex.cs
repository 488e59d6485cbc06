namespace Guichet.Runtime.Storage;

/// <summary>
/// The work index, <c>{hub}Work</c>: one partition holding the pending-work marks (keys <c>m|…</c>) before the durable
/// timers (keys <c>t|{due ticks}|…</c>, in due order). Everything there is to do now is therefore one key range of one
/// partition, from its start to the timers due now, and no query of the work index spans partitions: Azure may answer
/// one that does with empty pages and continuation tokens, one per partition boundary.
/// </summary>
internal static class WorkIndex
{
    public const string Partition = "work";
    public const string MarkPrefix = "m|";
    public const string TimerPrefix = "t|";

    /// <summary>The row keys below this one are every mark and the timers due at <paramref name="now"/>.</summary>
    public static string DueBound(DateTimeOffset now) => FormattableString.Invariant($"{TimerPrefix}{now.UtcTicks + 1:D19}");
}
