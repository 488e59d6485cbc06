using Guichet.Runtime.Queues;

namespace Guichet.Host.DeadLetters;

/// <summary>
/// A dead letter as the API shows it: where it came from and why it failed. The body is not shown (an intake
/// message carries medical data, which only medical roles may read); its size says whether it is empty.
/// </summary>
public sealed record DeadLetterResponse(
    string MessageId,
    string SourceQueue,
    string Reason,
    long DequeueCount,
    DateTimeOffset FailedAt,
    DateTimeOffset? InsertedOn,
    int BodyLength,
    bool BodyInBlob)
{
    /// <summary>The response for a listed dead letter.</summary>
    public static DeadLetterResponse From(DeadLetterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var letter = message.Letter;
        return new(letter.MessageId, letter.SourceQueue, letter.Reason, letter.DequeueCount, letter.FailedAt, letter.InsertedOn, letter.Body.Length, letter.BodyBlob is not null);
    }
}
