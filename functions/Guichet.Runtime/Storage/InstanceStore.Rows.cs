using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;

namespace Guichet.Runtime.Storage;

internal sealed partial class InstanceStore
{
    public IAsyncEnumerable<TableEntity> RowsAsync(string instanceId, string prefix, CancellationToken ct)
    {
        var upper = RowKeys.UpperBound(prefix);
        return Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {prefix} and RowKey lt {upper}"),
            cancellationToken: ct);
    }

    /// <summary>The history entries from one sequence to another, both included, read <paramref name="pageSize"/> rows at a time.</summary>
    public async IAsyncEnumerable<HistoryEntry> ReadHistoryAsync(string instanceId, long from, long to, int pageSize, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {RowKeys.History(from)} and RowKey le {RowKeys.History(to)}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: ct))
        {
            yield return HistoryRows.FromEntity(row);
        }
    }

    public async Task<HistoryEntry?> ReadHistoryEntryAsync(string instanceId, long sequence, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.History(sequence), cancellationToken: ct);
        return response.HasValue ? HistoryRows.FromEntity(response.Value!) : null;
    }

    public async Task<List<OutboxItem>> ReadOutboxAsync(string instanceId, CancellationToken ct)
    {
        var items = new List<OutboxItem>();
        await foreach (var row in RowsAsync(instanceId, RowKeys.OutboxPrefix, ct))
        {
            items.Add(OutboxItem.FromEntity(row));
        }

        return items;
    }

    public async Task<InboxItem?> ReadInboxAsync(string instanceId, long position, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Inbox(position), cancellationToken: ct);
        return response.HasValue ? InboxItem.FromEntity(response.Value!) : null;
    }

    /// <summary>Merges a failed attempt's count, next time and error into its outbox row; a row already gone (done by another host) is fine.</summary>
    public async Task RecordAttemptAsync(TableEntity attempt, CancellationToken ct)
    {
        try
        {
            await Table.UpdateEntityAsync(attempt, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    /// <summary>Deletes rows of one partition in transactions of at most 100; rows already gone are fine.</summary>
    public async Task DeleteRowsAsync(string instanceId, IEnumerable<string> rowKeys, CancellationToken ct)
    {
        foreach (var chunk in rowKeys.Chunk(Commit.MaxOperations))
        {
            var actions = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, k), ETag.All));
            try
            {
                await Table.SubmitTransactionAsync(actions, ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var key in chunk)
                {
                    await Table.DeleteEntityAsync(instanceId, key, ETag.All, ct);
                }
            }
        }
    }

    public async Task DeletePartitionAsync(string instanceId, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), select: ["RowKey"], cancellationToken: ct))
        {
            keys.Add(row.RowKey);
        }

        // The state row goes last, so that a purge cut short leaves a visible, purgeable instance.
        keys.Sort((a, b) => (a == RowKeys.State).CompareTo(b == RowKeys.State));
        await DeleteRowsAsync(instanceId, keys, ct);
    }
}
