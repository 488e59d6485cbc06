namespace Guichet.Runtime.Queues;

/// <summary>
/// Handles one queue message. Returning deletes the message; throwing makes it visible again for a retry, or
/// sends it to the poison queue after the last delivery (at once for <see cref="PoisonMessageException"/>).
/// </summary>
public delegate Task QueueHandler(QueueMessageContext message, CancellationToken cancellationToken);
