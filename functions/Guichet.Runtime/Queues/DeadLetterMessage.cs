namespace Guichet.Runtime.Queues;

/// <summary>A dead letter as listed from a poison queue.</summary>
/// <param name="PoisonMessageId">Its message id in the poison queue.</param>
/// <param name="PopReceipt">The receipt that lets it be replayed; null when it was only peeked.</param>
/// <param name="Letter">The envelope: the original body and the failure reason.</param>
public sealed record DeadLetterMessage(string PoisonMessageId, string? PopReceipt, DeadLetter Letter);
