namespace Guichet.Runtime;

/// <summary>How the runtime names its storage and paces its listeners.</summary>
public sealed class RuntimeOptions
{
    /// <summary>The task hub: a prefix of the runtime's tables, so that several apps or tests share one account.</summary>
    public string HubName { get; set; } = "Guichet";

    /// <summary>How often an idle timer poller re-reads the timer index for timers scheduled by other hosts.</summary>
    public TimeSpan TimerRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a commit may take, the SDK's retries included, before it is abandoned (a <see cref="TimeoutException"/>,
    /// retried like any storage failure): less than half the grace a pending mark is given
    /// (<see cref="WorkflowRuntime.MarkGrace"/>), so that the sweeper never drops the mark of a step whose commit may still land.
    /// </summary>
    public TimeSpan CommitDeadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest event payload or input accepted, in bytes.</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>How many chained instance-to-instance deliveries run inline before the rest is left to the sweeper.</summary>
    public int InlineDispatchDepth { get; set; } = 8;

    /// <summary>How long after a failed attempt an effect is tried again; the wait doubles with each attempt, up to <see cref="MaxEffectRetryDelay"/>.</summary>
    public TimeSpan EffectRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts of an effect.</summary>
    public TimeSpan MaxEffectRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a read model's tombstone (the trace of a removed row, which keeps a late copy of an older step from
    /// bringing the row back) is kept before it is collected; at least <see cref="TombstoneRetentionInRetryDelays"/> times
    /// <see cref="MaxEffectRetryDelay"/>. An effect that fails for a reason that may pass is tried again for as long as the
    /// failure lasts, so this bounds nothing absolutely: an older row write of the same instance still failing after the
    /// tombstone is collected (an outage of that table longer than this retention) could bring the row back.
    /// </summary>
    public TimeSpan TombstoneRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many of the longest waits between two attempts of an effect a tombstone outlives at least.</summary>
    public const int TombstoneRetentionInRetryDelays = 8;

    /// <summary>How outbound queue messages are encoded (Azure Functions reads base64 by default).</summary>
    public MessageEncoding MessageEncoding { get; set; } = MessageEncoding.Base64;

    /// <summary>The fewest bytes <see cref="HistoryKey"/> may have.</summary>
    public const int MinHistoryKeyBytes = 32;

    /// <summary>
    /// The secret that keys the history chain (HMAC-SHA256), at least <see cref="MinHistoryKeyBytes"/> bytes; required.
    /// Without it, write access to the tables would be enough to rewrite an entry and chain it again undetected. Every
    /// host of a task hub needs the same key: a chain sealed under another key is reported broken.
    /// </summary>
#pragma warning disable CA1819 // A key is bytes; the runtime copies it once, when it is built.
    public byte[]? HistoryKey { get; set; }
#pragma warning restore CA1819

    /// <summary>
    /// Keys that sealed older history entries, kept after a rotation to verify them, never to seal: each entry names the
    /// id of its key. Each of at least <see cref="MinHistoryKeyBytes"/> bytes.
    /// </summary>
    public IList<byte[]> RetiredHistoryKeys { get; } = [];

    /// <summary>Checks the options, naming the one that breaks its rule.</summary>
    public void Validate()
    {
        if (HubName.Length is < 3 or > 40 || !char.IsAsciiLetter(HubName[0]) || !HubName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"HubName '{HubName}' must be 3 to 40 letters or digits, starting with a letter.", nameof(HubName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimerRefreshInterval, TimeSpan.Zero, nameof(TimerRefreshInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CommitDeadline, TimeSpan.Zero, nameof(CommitDeadline));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CommitDeadline, WorkflowRuntime.MarkGrace / 2, nameof(CommitDeadline));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPayloadBytes, 1024, nameof(MaxPayloadBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPayloadBytes, 512 * 1024, nameof(MaxPayloadBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(InlineDispatchDepth, 1, nameof(InlineDispatchDepth));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EffectRetryDelay, TimeSpan.Zero, nameof(EffectRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEffectRetryDelay, EffectRetryDelay, nameof(MaxEffectRetryDelay));
        if (TombstoneRetention < MaxEffectRetryDelay * TombstoneRetentionInRetryDelays)
        {
            throw new ArgumentOutOfRangeException(
                nameof(TombstoneRetention), TombstoneRetention, $"TombstoneRetention must be at least {MaxEffectRetryDelay * TombstoneRetentionInRetryDelays} ({TombstoneRetentionInRetryDelays} times MaxEffectRetryDelay): a failed effect waits up to that long between attempts.");
        }

        if (HistoryKey is not { Length: >= MinHistoryKeyBytes })
        {
            throw new ArgumentException(
                $"HistoryKey is required: a secret of at least {MinHistoryKeyBytes} bytes that keys the history chain (HMAC-SHA256); it has {HistoryKey?.Length ?? 0}.",
                nameof(HistoryKey));
        }

        if (RetiredHistoryKeys.Any(k => k is not { Length: >= MinHistoryKeyBytes }))
        {
            throw new ArgumentException($"Every retired history key has at least {MinHistoryKeyBytes} bytes.", nameof(RetiredHistoryKeys));
        }
    }
}

/// <summary>How queue message text is encoded.</summary>
public enum MessageEncoding
{
    /// <summary>Base64 of the UTF-8 text, the Azure Functions default.</summary>
    Base64,

    /// <summary>The text as is.</summary>
    None,
}
