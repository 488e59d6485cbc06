namespace Guichet.Runtime.Queues;

/// <summary>The envelope a poison queue holds: the original message, untouched, and why it failed.</summary>
/// <param name="SourceQueue">The queue the message came from, where a replay puts it back.</param>
/// <param name="MessageId">Its message id in the source queue.</param>
/// <param name="Body">Its text exactly as it was received (still base64 when it was), so a replay is faithful.</param>
/// <param name="Reason">The failure: exception type and message, or why it was never handled.</param>
/// <param name="DequeueCount">How many deliveries it had.</param>
/// <param name="FailedAt">When it was dead-lettered.</param>
/// <param name="InsertedOn">When it was first put on the source queue.</param>
/// <param name="BodyBlob">Where the body is kept when the envelope would exceed a queue message (Body is then empty).</param>
public sealed record DeadLetter(
    string SourceQueue,
    string MessageId,
    string Body,
    string Reason,
    long DequeueCount,
    DateTimeOffset FailedAt,
    DateTimeOffset? InsertedOn,
    string? BodyBlob = null);
