using System.Globalization;
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
    public static PendingMark FromEntity(TableEntity entity)
    {
        var key = entity.RowKey;
        var split = key.LastIndexOf('|');
        return new(
            key,
            key[Storage.WorkIndex.MarkPrefix.Length..split],
            key[split + 1] == 'o' ? PendingKind.Outbox : PendingKind.Inbox,
            long.Parse(key.AsSpan(split + 2), CultureInfo.InvariantCulture),
            entity.GetDateTimeOffset("WrittenAt") ?? default,
            entity.ETag);
    }
}
