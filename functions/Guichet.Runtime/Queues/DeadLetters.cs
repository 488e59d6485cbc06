using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Queues;

/// <summary>
/// The poison queues: dead-letters failed messages with their reason, lists them, and replays them to their
/// source queue. A replay sends first and deletes after, so a crash in between duplicates a message, never loses it.
/// </summary>
public sealed partial class DeadLetters(StorageClients storage, MessageEncoding encoding)
{
    private const int MaxPage = 32;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    /// <summary>Looks at the first dead letters of a queue (up to 32: storage only peeks the front) without hiding them.</summary>
    public async Task<IReadOnlyList<DeadLetterMessage>> PeekAsync(string queue, int maxMessages = MaxPage, CancellationToken cancellationToken = default)
    {
        var poison = PoisonClient(queue, nameof(queue));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1, nameof(maxMessages));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxPage, nameof(maxMessages));
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return [];
        }

        PeekedMessage[] peeked = (await poison.PeekMessagesAsync(maxMessages, cancellationToken)).Value;
        return [.. peeked.Select(m => new DeadLetterMessage(m.MessageId, null, Read(queue, m.MessageId, m.MessageText)))];
    }

    /// <summary>
    /// Takes the next page of a queue's dead letters, hidden from other readers for <paramref name="hold"/>; calling
    /// again returns the following page. Each comes with the receipt <see cref="ReplayAsync"/> needs.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetterMessage>> ReceiveAsync(string queue, TimeSpan hold, int maxMessages = MaxPage, CancellationToken cancellationToken = default)
    {
        var poison = PoisonClient(queue, nameof(queue));
        ArgumentOutOfRangeException.ThrowIfLessThan(hold, TimeSpan.FromSeconds(1), nameof(hold));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1, nameof(maxMessages));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxPage, nameof(maxMessages));
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return [];
        }

        QueueMessage[] received = (await poison.ReceiveMessagesAsync(maxMessages, hold, cancellationToken)).Value;
        return [.. received.Select(m => new DeadLetterMessage(m.MessageId, m.PopReceipt, Read(queue, m.MessageId, m.MessageText)))];
    }

    /// <summary>Puts a received dead letter's original body back on its source queue, then removes it from the poison queue.</summary>
    public async Task ReplayAsync(DeadLetterMessage deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        if (deadLetter.PopReceipt is null)
        {
            throw new ArgumentException("A dead letter is replayed from ReceiveAsync, which gives its pop receipt; a peeked one has none.", nameof(deadLetter));
        }

        var source = await QueueAsync(deadLetter.Letter.SourceQueue, cancellationToken);
        await source.SendMessageAsync(await BodyAsync(deadLetter.Letter, cancellationToken), cancellationToken);
        await PoisonClient(deadLetter.Letter.SourceQueue, nameof(deadLetter)).DeleteMessageAsync(deadLetter.PoisonMessageId, deadLetter.PopReceipt, cancellationToken);
        await DeleteBodyAsync(deadLetter.Letter, cancellationToken);
    }

    /// <summary>Replays every dead letter a queue had when the call began (not those that fail again meanwhile); returns how many.</summary>
    public async Task<int> ReplayAllAsync(string queue, CancellationToken cancellationToken = default)
    {
        var poison = PoisonClient(queue, nameof(queue));
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var present = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var replayed = 0;
        while (replayed < present)
        {
            var page = await ReceiveAsync(queue, TimeSpan.FromMinutes(1), Math.Min(MaxPage, present - replayed), cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var deadLetter in page)
            {
                await ReplayAsync(deadLetter, cancellationToken);
                replayed++;
            }
        }

        return replayed;
    }
}
