namespace Guichet.Runtime.Outbox;

/// <summary>What a dispatch left of an outbox: nothing, or the rest, to try again from <see cref="RetryAt"/> on.</summary>
internal sealed record OutboxProgress(DateTimeOffset? RetryAt)
{
    /// <summary>Every effect was carried out or given up.</summary>
    public static OutboxProgress Done { get; } = new((DateTimeOffset?)null);

    /// <summary>Whether nothing is left.</summary>
    public bool IsDone => RetryAt is null;

    /// <summary>Some is left, to try again from <paramref name="at"/> on.</summary>
    public static OutboxProgress Later(DateTimeOffset at) => new(at);
}
