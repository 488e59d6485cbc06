using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.ReadModels;

/// <summary>
/// Writes a projected row in step order: it reads the row first and skips when the same instance already wrote it
/// from the same or a later step of the same or a later generation (see <see cref="ProjectionStamp"/>); otherwise it
/// inserts it if absent, or replaces it if unchanged since the read, and tries again when another write came in
/// between. Repeating a write is therefore harmless. A row has one owner, the instance that first wrote it: another
/// instance's write is refused (<see cref="ForeignRowException"/>), since stamps order one writer's steps only.
/// </summary>
internal sealed class ProjectionWriter(TableServiceClient tables, string hub)
{
    private const int MaxAttempts = 16;
    private static readonly string[] GuardColumns = [ProjectionRows.Owner, ProjectionRows.Generation, ProjectionRows.Sequence];

    public TableClient Table(string name) => tables.GetTableClient(hub + name);

    /// <summary>The stamp of a Project effect: the instance, its generation, and the step that wrote the outbox row.</summary>
    public static ProjectionStamp StampOf(string instanceId, OutboxItem item) => new(instanceId, item.Generation, RowKeys.OutboxSequence(item.RowKey));

    /// <summary>Writes a Project effect's row or tombstone; true when the row holds this write afterwards (not a later one).</summary>
    public async Task<bool> WriteAsync(string instanceId, OutboxItem item, CancellationToken ct)
    {
        var stamp = StampOf(instanceId, item);
        return await WriteAsync(Table(item.Target), ProjectionRows.ToEntity(item.Name!, item.Id!, item.Payload, stamp), stamp, ct) == stamp;
    }

    /// <summary>Deletes a tombstone that is still the one the collection was scheduled for; a row written again since stays.</summary>
    public Task CollectAsync(TombstoneCollection tombstone, CancellationToken ct) =>
        RemoveAsync(Table(tombstone.ReadModel), tombstone.PartitionKey, tombstone.RowKey, tombstone.Stamp, ct, tombstoneOnly: true);

    /// <summary>
    /// Writes a stamped row in step order; returns the stamp the row holds afterwards (this one, or the later one that kept it).
    /// <paramref name="over"/>, when given, makes the row to write from the row held (read whole then) and this write's row:
    /// for a row that something other than its projection also brings forward.
    /// </summary>
    public static async Task<ProjectionStamp> WriteAsync(TableClient table, TableEntity row, ProjectionStamp stamp, CancellationToken ct, Func<TableEntity, TableEntity, TableEntity>? over = null)
    {
        // A row of the step that created its instance is almost always new: inserting it at once saves the read, and
        // a conflict (a redelivery, a purged namesake's row) falls back to reading and comparing.
        var insertFirst = stamp.Sequence == Instances.InstanceKeys.CreationSequence;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                if (insertFirst)
                {
                    insertFirst = false;
                    await table.AddEntityAsync(row, ct);
                    return stamp;
                }

                var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, over is null ? GuardColumns : null, ct);
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(row, ct);
                    return stamp;
                }

                var current = existing.Value!;
                if (ProjectionStamp.Of(current) is { } held)
                {
                    if (held.Owner != stamp.Owner)
                    {
                        throw new ForeignRowException(table.Name, row.PartitionKey, row.RowKey, held.Owner, stamp.Owner);
                    }

                    if (stamp.IsAtOrBefore(held))
                    {
                        return held; // the same or a later step of this writer wrote it: this copy is late
                    }
                }

                await table.UpdateEntityAsync(over is null ? row : over(current, row), current.ETag, TableUpdateMode.Replace, ct);
                return stamp;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another write came between the read and this one: read again.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // A read model's table is created by its first row.
                await table.CreateIfNotExistsAsync(ct);
            }
        }

        throw new InvalidOperationException($"Read-model row {table.Name}/{row.PartitionKey}/{row.RowKey} kept changing; it is written again later.");
    }

    /// <summary>
    /// Deletes a row its writer wrote at <paramref name="upTo"/> or before (only a tombstone when <paramref name="tombstoneOnly"/>);
    /// a later row, another writer's or none stays.
    /// </summary>
    public static async Task RemoveAsync(TableClient table, string partitionKey, string rowKey, ProjectionStamp upTo, CancellationToken ct, bool tombstoneOnly = false)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [.. GuardColumns, ProjectionRows.Removed], ct);
                if (!existing.HasValue || ProjectionStamp.Of(existing.Value!) is not { } held || !held.IsAtOrBefore(upTo)
                    || (tombstoneOnly && existing.Value!.GetBoolean(ProjectionRows.Removed) != true))
                {
                    return;
                }

                await table.DeleteEntityAsync(partitionKey, rowKey, existing.Value!.ETag, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Gone, or written again since the read: read again.
            }
        }

        throw new InvalidOperationException($"Read-model row {table.Name}/{partitionKey}/{rowKey} kept changing; it is removed later.");
    }
}
