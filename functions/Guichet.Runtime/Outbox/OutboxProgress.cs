namespace Guichet.Runtime.Outbox;

/// <summary>What a dispatch left of an outbox: nothing, the rest to try again from <see cref="RetryAt"/> on, or all of it to the dispatcher that holds its turn.</summary>
internal sealed record OutboxProgress(DateTimeOffset? RetryAt)
{
    /// <summary>Every effect was carried out or given up.</summary>
    public static OutboxProgress Done { get; } = new((DateTimeOffset?)null);

    /// <summary>Another dispatcher of this host holds the outbox's turn: it reads the outbox again before it lets go, so there is nothing to try again here.</summary>
    public static OutboxProgress HandedOver { get; } = new((DateTimeOffset?)null) { IsHandedOver = true };

    /// <summary>Whether the outbox was left to the dispatcher holding its turn (<see cref="HandedOver"/>).</summary>
    public bool IsHandedOver { get; private init; }

    /// <summary>Whether nothing is left.</summary>
    public bool IsDone => RetryAt is null && !IsHandedOver;

    /// <summary>Some is left, to try again from <paramref name="at"/> on.</summary>
    public static OutboxProgress Later(DateTimeOffset at) => new(at);
}
