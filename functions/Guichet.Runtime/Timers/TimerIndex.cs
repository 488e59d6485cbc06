using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Timers;

/// <summary>
/// The index of pending durable timers across all instances, ordered by due time in its row keys, so that
/// the earliest timers come back from one small query. A timer is one row whatever its length. Its rows are the
/// timer range of the work index, after the pending-work marks (see <see cref="WorkIndex"/>).
/// </summary>
internal sealed class TimerIndex(TableClient table)
{
    public TableClient Table { get; } = table;

    public static string RowKey(DateTimeOffset dueAt, string instanceId, string timerId) =>
        FormattableString.Invariant($"{WorkIndex.TimerPrefix}{dueAt.UtcTicks:D19}|{instanceId}|{timerId}");

    public Task SetAsync(string instanceId, OutboxItem item, CancellationToken ct)
    {
        var entity = new TableEntity(WorkIndex.Partition, item.Target)
        {
            ["InstanceId"] = instanceId,
            ["TimerId"] = item.Id,
            ["Name"] = item.Name,
            ["DueAt"] = item.DueAt,
            ["Version"] = item.Version,
            ["CorrelationId"] = item.CorrelationId,
        };
        if (item.Payload is not null)
        {
            BinaryChunks.Write(entity, "Payload", item.Payload);
        }

        return Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Schedules a tombstone's collection, a row of the timer range due at <paramref name="dueAt"/>.</summary>
    public Task SetAsync(TombstoneCollection tombstone, DateTimeOffset dueAt, CancellationToken ct) =>
        Table.UpsertEntityAsync(tombstone.ToEntity(dueAt), TableUpdateMode.Replace, ct);

    public Task ClearAsync(string rowKey, CancellationToken ct) => Table.DeleteEntityAsync(WorkIndex.Partition, rowKey, ETag.All, ct);

    /// <summary>The timers in due order, due or not, read a page at a time as the caller goes on.</summary>
    public async IAsyncEnumerable<DueTimer> FromEarliestAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = (WorkIndex.TimerPrefix, RowKeys.UpperBound(WorkIndex.TimerPrefix));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WorkIndex.Partition} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: ct))
        {
            yield return DueTimer.FromEntity(row);
        }
    }
}

/// <summary>A timer row of the index: a durable timer, or a tombstone's collection.</summary>
internal sealed record DueTimer(string RowKey, string InstanceId, string TimerId, string Name, DateTimeOffset DueAt, byte[]? Payload, int Version, string? CorrelationId)
{
    /// <summary>The tombstone this row collects when due; null for a durable timer.</summary>
    public TombstoneCollection? Tombstone { get; init; }

    /// <summary>The rows that fire in due order, one after another: an instance's timers; a tombstone's collection is on its own.</summary>
    public string OrderGroup => Tombstone is null ? InstanceId : RowKey;

    public static DueTimer FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString("InstanceId"),
        e.GetString("TimerId"),
        e.GetString("Name"),
        e.GetDateTimeOffset("DueAt") ?? default,
        BinaryChunks.Read(e, "Payload"),
        e.GetInt32("Version") ?? 1,
        e.GetString("CorrelationId"))
    {
        Tombstone = TombstoneCollection.Of(e),
    };
}
