namespace Guichet.Runtime.Queues;

/// <summary>A received queue message as a handler sees it: decoded text and delivery facts.</summary>
/// <param name="Queue">The queue it came from.</param>
/// <param name="MessageId">The storage message id, stable across deliveries.</param>
/// <param name="Text">The text, decoded from base64 when it was encoded (see <see cref="MessageText"/>).</param>
/// <param name="DequeueCount">How many times it has been delivered, this delivery included.</param>
/// <param name="InsertedOn">When it was put on the queue.</param>
/// <param name="CorrelationId">The message's <c>correlationId</c> JSON property, or its message id.</param>
public sealed record QueueMessageContext(
    string Queue,
    string MessageId,
    string Text,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    string CorrelationId);
