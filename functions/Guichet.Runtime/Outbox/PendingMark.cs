using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Guichet.Runtime.Outbox;

/// <summary>What a pending-work mark vouches for: a step's outbox, or an inbox to drain.</summary>
internal enum PendingKind
{
    /// <summary>The outbox of the step whose sequence is the mark's number.</summary>
    Outbox,

    /// <summary>The buffered events of a running instance, up to the inbox position that is the mark's number.</summary>
    Inbox,
}

/// <summary>A mark row of the work index: an instance has work to carry out after a commit that may have been cut short.</summary>
internal sealed record PendingMark(string RowKey, string InstanceId, PendingKind Kind, long Number, DateTimeOffset WrittenAt, ETag ETag)
{
    private const string AttemptPrefix = "A_";

    /// <summary>
    /// The event ids of the steps that wrote this mark (null for a step with no event id, or a mark written before
    /// attempts were recorded): each host that tried to commit the step adds its own, so that none is hidden by another.
    /// </summary>
    public IReadOnlyList<string?> Attempts { get; init; } = [null];

    /// <summary>The column of one attempt: named by a hash of its event id (an id may hold any character), the id its value.</summary>
    public static string AttemptColumn(string? eventId) => eventId is null
        ? AttemptPrefix + "none"
        : AttemptPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)), 0, 12);

    public static PendingMark FromEntity(TableEntity entity)
    {
        var key = entity.RowKey;
        var split = key.LastIndexOf('|');
        var attempts = entity.Keys.Where(k => k.StartsWith(AttemptPrefix, StringComparison.Ordinal))
            .Select(k => entity.GetString(k) is { Length: > 0 } id ? id : null)
            .ToList();
        return new(
            key,
            key[Storage.WorkIndex.MarkPrefix.Length..split],
            key[split + 1] == 'o' ? PendingKind.Outbox : PendingKind.Inbox,
            long.Parse(key.AsSpan(split + 2), CultureInfo.InvariantCulture),
            entity.GetDateTimeOffset("WrittenAt") ?? default,
            entity.ETag)
        {
            Attempts = attempts.Count > 0 ? attempts : [null],
        };
    }
}
