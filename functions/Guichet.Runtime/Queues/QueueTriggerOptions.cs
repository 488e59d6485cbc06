namespace Guichet.Runtime.Queues;

/// <summary>
/// How queue triggers poll, lease and retry messages: host.json's <c>extensions.queues</c> section, with the
/// names and meanings Azure Functions developers know.
/// </summary>
public sealed record QueueTriggerOptions
{
    /// <summary>The longest wait between two receives on an idle queue; the back-off doubles up to it.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The first wait after an empty receive; the back-off starts from it again once a message arrives.</summary>
    public TimeSpan MinPollingInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a received message stays invisible to other hosts: renewed at half-time while its handler runs,
    /// and the delay before a failed message is visible again for a retry.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many messages one receive asks for (1 to 32).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>The next batch is received when no more than this many messages are still being handled.</summary>
    public int NewBatchThreshold { get; init; } = 8;

    /// <summary>How many deliveries a message gets before it goes to its <c>&lt;queue&gt;-poison</c> queue.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How the messages this host writes (dead letters) are encoded; received messages are detected, see <see cref="MessageText"/>.</summary>
    public MessageEncoding MessageEncoding { get; init; } = MessageEncoding.Base64;

    /// <summary>The most handlers one listener runs at once: a batch received while the threshold was still in flight.</summary>
    public int MaxConcurrency => BatchSize + NewBatchThreshold;

    /// <summary>Checks the options, naming the one that breaks its rule.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinPollingInterval, TimeSpan.Zero, nameof(MinPollingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPollingInterval, MinPollingInterval, nameof(MaxPollingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(VisibilityTimeout, TimeSpan.FromSeconds(1), nameof(VisibilityTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(VisibilityTimeout, TimeSpan.FromDays(7), nameof(VisibilityTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BatchSize, 32, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(NewBatchThreshold, nameof(NewBatchThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDequeueCount, 1, nameof(MaxDequeueCount));
    }
}
