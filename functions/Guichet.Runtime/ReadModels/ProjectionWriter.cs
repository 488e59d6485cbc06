using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.ReadModels;

/// <summary>
/// Writes a projected row in step order: it reads the row first and skips when the same instance already wrote it
/// from the same or a later step; otherwise it inserts it if absent, or replaces it if unchanged since the read,
/// and tries again when another write came in between. Repeating a write is therefore harmless.
/// </summary>
internal sealed class ProjectionWriter(TableServiceClient tables, string hub)
{
    private const int MaxAttempts = 16;
    private static readonly string[] GuardColumns = [ProjectionRows.Owner, ProjectionRows.Sequence];

    public TableClient Table(string name) => tables.GetTableClient(hub + name);

    public async Task WriteAsync(string instanceId, OutboxItem item, CancellationToken ct)
    {
        var table = Table(item.Target);
        var sequence = RowKeys.OutboxSequence(item.RowKey);
        var row = ProjectionRows.ToEntity(item.Name!, item.Id!, item.Payload, instanceId, sequence);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, GuardColumns, ct);
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(row, ct);
                    return;
                }

                var current = existing.Value!;
                if (current.GetString(ProjectionRows.Owner) == instanceId && current.GetInt64(ProjectionRows.Sequence) >= sequence)
                {
                    return; // a later step of the same instance wrote it: this copy is late
                }

                await table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, ct);
                return;
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

        throw new InvalidOperationException($"Read-model row {item.Target}/{row.PartitionKey}/{row.RowKey} kept changing; it is written again later.");
    }
}
