namespace Guichet.Runtime.Outbox;

/// <summary>An instance whose outbox this host's sweeper is to carry out, not before a time; <paramref name="Tries"/> counts the sweeper's failed reads.</summary>
internal sealed record DeferredOutbox(string InstanceId, DateTimeOffset NotBefore, int Tries);
