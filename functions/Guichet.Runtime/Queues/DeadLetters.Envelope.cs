using System.Text.Json;
using Azure.Storage.Queues;

namespace Guichet.Runtime.Queues;

public sealed partial class DeadLetters
{
    /// <summary>Writes a dead letter to its source queue's poison queue, creating that queue the first time.</summary>
    internal async Task SendAsync(DeadLetter letter, CancellationToken ct)
    {
        var poison = await QueueAsync(QueueNames.Poison(letter.SourceQueue), ct);
        await poison.SendMessageAsync(MessageText.Encode(JsonSerializer.Serialize(letter, Json), encoding), ct);
    }

    private QueueClient PoisonClient(string queue, string parameter) =>
        QueueNames.IsValid(queue) && QueueNames.IsValid(QueueNames.Poison(queue))
            ? queues.GetQueueClient(QueueNames.Poison(queue))
            : throw new ArgumentException($"'{queue}' is not a queue name whose poison queue name is valid (at most 56 characters).", parameter);

    /// <summary>Reads an envelope; a message that is not one is shown as its own body with that reason, never hidden.</summary>
    private static DeadLetter Read(string queue, string messageId, string text)
    {
        try
        {
            if (JsonSerializer.Deserialize<DeadLetter>(MessageText.Decode(text), Json) is { SourceQueue.Length: > 0, Body: not null } letter)
            {
                return letter;
            }
        }
        catch (JsonException)
        {
        }

        return new DeadLetter(queue, messageId, text, "Not a dead-letter envelope: the message was put on the poison queue by another writer.", 0, DateTimeOffset.MinValue, null);
    }

    /// <summary>A queue client, its queue created once per process (a failed creation is tried again next time).</summary>
    private async Task<QueueClient> QueueAsync(string name, CancellationToken ct)
    {
        var creating = _created.GetOrAdd(name, n => queues.GetQueueClient(n).CreateIfNotExistsAsync());
        try
        {
            await creating.WaitAsync(ct);
        }
        catch (Exception) when (creating.IsFaulted)
        {
            _created.TryRemove(KeyValuePair.Create(name, creating));
            throw;
        }

        return queues.GetQueueClient(name);
    }
}
