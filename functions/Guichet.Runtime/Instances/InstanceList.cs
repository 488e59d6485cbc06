using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;

namespace Guichet.Runtime.Instances;

/// <summary>
/// The instance list, kept as two read models of the same summaries: <c>{hub}InstanceIndex</c> (partition: workflow type;
/// row: instance id) and <c>{hub}InstanceByStatus</c> (partition: runtime status; row: <c>type|id</c>), so that a page by
/// type, id prefix or runtime status reads the rows it returns from one partition, never the whole list. The by-status
/// list holds one row per instance, in the partition of its status: rows are moved, not left as tombstones, which would
/// make a status partition grow with every instance that ever passed through it. A third table, the key list
/// (<see cref="InstanceKeys"/>), serves pages by creation time or by id prefix without a type.
/// </summary>
internal sealed partial class InstanceList(ProjectionWriter projections)
{
    public TableClient Index { get; } = projections.Table(ReadModelNames.InstanceIndex);

    public TableClient ByStatus { get; } = projections.Table(ReadModelNames.InstanceByStatus);

    public TableClient Keys { get; } = projections.Table(ReadModelNames.InstanceKeys);

    /// <summary>
    /// Writes a step's summary, in step order, into both lists. The row in the new status partition goes first and the
    /// index row second; a step whose index row is already later goes back on its own status row, and a step that
    /// changed status removes the row of the status it left, when not later than itself. So a late copy that wrote its
    /// status row after a later step removed it finds that later step's index row next, and removes what it wrote:
    /// whatever the interleaving of hosts, an instance ends with one row, in the partition of its last status. The
    /// step that created the instance writes its key rows before all, so that an instance in the index is in the key list.
    /// A summary that lands after a later step's refresh (<see cref="RefreshAsync"/>) keeps that refresh's moving columns.
    /// </summary>
    public async Task WriteAsync(string instanceId, OutboxItem item, CancellationToken ct)
    {
        var stamp = ProjectionWriter.StampOf(instanceId, item);
        if (stamp.Sequence == InstanceKeys.CreationSequence)
        {
            await WriteKeysAsync(item, stamp, ct);
        }

        var status = InstanceIndex.StatusOf(item);
        var key = InstanceIndex.StatusKey(item.Name!, item.Id!);
        await ProjectionWriter.WriteAsync(ByStatus, InstanceIndex.StatusRow(item, stamp), stamp, ct);
        var held = await ProjectionWriter.WriteAsync(Index, ProjectionRows.ToEntity(item.Name!, item.Id!, item.Payload, stamp), stamp, ct, InstanceIndex.KeepingLaterMovingColumns);
        if (held != stamp)
        {
            await ProjectionWriter.RemoveAsync(ByStatus, status, key, stamp, ct);
        }
        else if (item.LeftStatus is { } left && left != status)
        {
            await ProjectionWriter.RemoveAsync(ByStatus, left, key, stamp, ct);
        }
    }

    /// <summary>Removes a purged instance's rows from both lists and the key list; rows already gone are fine.</summary>
    public async Task ForgetAsync(InstanceRecord record, CancellationToken ct)
    {
        await DeleteAsync(Index, record.WorkflowType, record.InstanceId, ct);
        await DeleteAsync(ByStatus, record.RuntimeStatus.ToString(), InstanceIndex.StatusKey(record.WorkflowType, record.InstanceId), ct);
        await DeleteAsync(Keys, InstanceKeys.CreatedPartition, InstanceKeys.CreatedKey(record.CreatedAt.UtcTicks, record.InstanceId), ct);
        await DeleteAsync(Keys, InstanceKeys.IdPartition, record.InstanceId, ct);
    }

    /// <summary>
    /// The key rows never change, so writing them again is harmless. The creation row is this generation's own; the id
    /// row is shared with namesakes, so its write is ordered by generation: a late copy from a purged namesake never
    /// takes it back from the instance that holds the id now.
    /// </summary>
    public async Task WriteKeysAsync(OutboxItem item, ProjectionStamp stamp, CancellationToken ct)
    {
        var (created, id) = InstanceKeys.Rows(item.Name!, item.Id!, stamp);
        await Task.WhenAll(UpsertAsync(Keys, created, ct), ProjectionWriter.WriteAsync(Keys, id, stamp, ct));
    }

    private static async Task UpsertAsync(TableClient table, TableEntity row, CancellationToken ct)
    {
        try
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // A hub initialised before the key list existed: its table comes with its first row.
            await table.CreateIfNotExistsAsync(ct);
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        }
    }

    private static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
