namespace Guichet.Runtime.Instances;

/// <summary>A durable timer waiting to fire.</summary>
/// <param name="Name">The timer's name, the name of the event it raises.</param>
/// <param name="TimerId">Its unique id within the instance.</param>
/// <param name="DueAt">When it fires.</param>
public sealed record PendingTimer(string Name, string TimerId, DateTimeOffset DueAt);
