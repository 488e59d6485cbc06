using System.Text.Json;

namespace Guichet.Runtime.Instances;

/// <summary>What caused a history entry.</summary>
public enum HistoryKind
{
    /// <summary>The instance was created with a scheduled start.</summary>
    Scheduled,

    /// <summary>The instance started.</summary>
    Started,

    /// <summary>An event was applied.</summary>
    EventApplied,

    /// <summary>A durable timer fired.</summary>
    TimerFired,

    /// <summary>An operator suspended the instance.</summary>
    Suspended,

    /// <summary>An operator resumed the instance.</summary>
    Resumed,

    /// <summary>An operator terminated the instance.</summary>
    Terminated,

    /// <summary>The decider threw; the instance failed.</summary>
    Failed,

    /// <summary>An effect of this instance was not carried out: an event its target refused or never got, or an effect given up after its attempts.</summary>
    DeliveryFailed,

    /// <summary>
    /// An event nobody waited for (a timer, a buffered event) was not applied: it did not bind, the decider rejected it,
    /// or its instance completed or was terminated while it waited in the inbox. The state is unchanged.
    /// </summary>
    Rejected,

    /// <summary>An administrator put a Failed instance back to Running.</summary>
    Rewound,
}

/// <summary>
/// One entry of an instance's append-only history: who did what, when, and the state change it caused.
/// Entries are hash-chained: <see cref="Hash"/> covers the entry and <see cref="PreviousHash"/>.
/// </summary>
public sealed record HistoryEntry
{
    /// <summary>Position in the history, from 1, without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>When it was recorded (the runtime's clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What caused it.</summary>
    public required HistoryKind Kind { get; init; }

    /// <summary>The event, timer or operation name.</summary>
    public required string Name { get; init; }

    /// <summary>The de-duplication id of the event, if any.</summary>
    public string? EventId { get; init; }

    /// <summary>Who caused it, when known.</summary>
    public string? Actor { get; init; }

    /// <summary>A reason given with it (an operator's, or the error).</summary>
    public string? Reason { get; init; }

    /// <summary>The correlation id of the request that caused it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The event payload as applied.</summary>
    public JsonElement? Payload { get; init; }

    /// <summary>Custom status before.</summary>
    public string? StatusBefore { get; init; }

    /// <summary>Custom status after.</summary>
    public string? StatusAfter { get; init; }

    /// <summary>Runtime status after.</summary>
    public required RuntimeStatus RuntimeStatus { get; init; }

    /// <summary>The workflow version that decided it.</summary>
    public required int WorkflowVersion { get; init; }

    /// <summary>The effects decided, in short form.</summary>
    public required IReadOnlyList<string> Effects { get; init; }

    /// <summary>The hash of the entry before (empty for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>The hash of this entry, chained to <see cref="PreviousHash"/>.</summary>
    public required string Hash { get; init; }

    /// <summary>
    /// The id of the history key that sealed it (the first 8 hex digits of the key's SHA-256), so that a rotated key's
    /// entries are verified with it; outside the hash, it only names a key. Null on entries from before key ids.
    /// </summary>
    public string? KeyId { get; init; }
}
