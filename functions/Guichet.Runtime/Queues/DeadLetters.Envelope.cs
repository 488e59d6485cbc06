using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Guichet.Runtime.Queues;

public sealed partial class DeadLetters
{
    /// <summary>A queue message holds at most 64 KiB of text.</summary>
    private const int MaxMessageBytes = 64 * 1024;

    /// <summary>The blob container of dead-letter bodies too large for their envelope.</summary>
    public const string BodyContainer = "dead-letter-bodies";

    /// <summary>A dead letter as its poison queue holds it, before encoding.</summary>
    internal static string Envelope(DeadLetter letter) => JsonSerializer.Serialize(letter, Json);

    /// <summary>Writes a dead letter to its source queue's poison queue, creating that queue the first time.</summary>
    internal async Task SendAsync(DeadLetter letter, CancellationToken ct)
    {
        var poison = await QueueAsync(QueueNames.Poison(letter.SourceQueue), ct);
        var text = MessageText.Encode(Envelope(letter), encoding);
        if (Encoding.UTF8.GetByteCount(text) > MaxMessageBytes)
        {
            // The envelope of a message near the 64 KiB limit does not fit in one: its body waits in a blob.
            var blob = await BodyBlobAsync($"{letter.SourceQueue}/{letter.MessageId}", ct);
            await blob.UploadAsync(BinaryData.FromString(letter.Body), overwrite: true, ct);
            text = MessageText.Encode(JsonSerializer.Serialize(letter with { Body = string.Empty, BodyBlob = blob.Name }, Json), encoding);
        }

        await poison.SendMessageAsync(text, ct);
    }

    /// <summary>The original body of a dead letter, from the envelope or from its blob.</summary>
    public async Task<string> BodyAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (letter.BodyBlob is null)
        {
            return letter.Body;
        }

        var blob = await BodyBlobAsync(letter.BodyBlob, cancellationToken);
        return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
    }

    private async Task DeleteBodyAsync(DeadLetter letter, CancellationToken ct)
    {
        if (letter.BodyBlob is not null)
        {
            await (await BodyBlobAsync(letter.BodyBlob, ct)).DeleteIfExistsAsync(cancellationToken: ct);
        }
    }

    private async Task<BlobClient> BodyBlobAsync(string name, CancellationToken ct)
    {
        var container = storage.Blobs.GetBlobContainerClient(BodyContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        return container.GetBlobClient(name);
    }

    private QueueClient PoisonClient(string queue, string parameter) =>
        QueueNames.IsValid(queue) && QueueNames.IsValid(QueueNames.Poison(queue))
            ? storage.Queues.GetQueueClient(QueueNames.Poison(queue))
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
        var creating = _created.GetOrAdd(name, n => storage.Queues.GetQueueClient(n).CreateIfNotExistsAsync());
        try
        {
            await creating.WaitAsync(ct);
        }
        catch (Exception) when (creating.IsFaulted)
        {
            _created.TryRemove(KeyValuePair.Create(name, creating));
            throw;
        }

        return storage.Queues.GetQueueClient(name);
    }
}
