namespace Guichet.Runtime.Queues;

/// <summary>A queue trigger registered in the host: its function name and the queue it listens to.</summary>
/// <param name="Name">The function's name, unique in the host.</param>
/// <param name="Queue">The queue; its dead letters go to <c>&lt;queue&gt;-poison</c>.</param>
public sealed record QueueTriggerRegistration(string Name, string Queue);
