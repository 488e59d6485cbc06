using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;

namespace Guichet.Runtime.Storage;

/// <summary>The instances table: one partition per instance; every write of a step is one transaction.</summary>
internal sealed class InstanceStore(TableClient table)
{
    public TableClient Table { get; } = table;

    public async Task<InstanceRecord?> LoadAsync(string instanceId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.State, cancellationToken: ct);
        return response.HasValue ? InstanceRecord.FromEntity(response.Value!) : null;
    }

    public async Task<(CommitResult Result, ETag ETag)> CommitAsync(Commit commit, CancellationToken ct)
    {
        var id = commit.Record.InstanceId;
        var actions = new List<TableTransactionAction>(commit.OperationCount)
        {
            commit.IsNew
                ? new(TableTransactionActionType.Add, commit.Record.ToEntity())
                : new(TableTransactionActionType.UpdateReplace, commit.Record.ToEntity(), commit.Record.ETag),
        };
        var eventIndex = -1;
        if (commit.EventId is not null)
        {
            eventIndex = actions.Count;
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(id, RowKeys.Event(commit.EventId)) { ["EventId"] = commit.EventId }));
        }

        if (commit.Entry is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, HistoryRows.ToEntity(id, commit.Entry)));
        }

        actions.AddRange(commit.Outbox.Select(o => new TableTransactionAction(TableTransactionActionType.Add, o.ToEntity(id))));
        if (commit.InboxAdd is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, commit.InboxAdd.ToEntity(id)));
        }

        if (commit.InboxRemove is { } position)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(id, RowKeys.Inbox(position)), ETag.All));
        }

        if (commit.OutboxRemove is not null)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(id, commit.OutboxRemove), ETag.All));
        }

        try
        {
            var response = await Table.SubmitTransactionAsync(actions, ct);
            return (CommitResult.Committed, response.Value[0].Headers.ETag ?? default);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return (await ClassifyAsync(commit, ex, eventIndex, ct), default);
        }
    }

    private async Task<CommitResult> ClassifyAsync(Commit commit, TableTransactionFailedException ex, int eventIndex, CancellationToken ct)
    {
        if (commit.IsNew && ex.FailedTransactionActionIndex == 0)
        {
            return CommitResult.AlreadyExists;
        }

        if (ex.Status == 409 && commit.EventId is not null
            && (ex.FailedTransactionActionIndex == eventIndex || await HasProcessedAsync(commit.Record.InstanceId, commit.EventId, ct)))
        {
            return CommitResult.Duplicate;
        }

        return CommitResult.Conflict;
    }

    public async Task<bool> HasProcessedAsync(string instanceId, string eventId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Event(eventId), ["EventId"], ct);
        return response.HasValue;
    }

    public IAsyncEnumerable<TableEntity> RowsAsync(string instanceId, string prefix, CancellationToken ct)
    {
        var upper = RowKeys.UpperBound(prefix);
        return Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {prefix} and RowKey lt {upper}"),
            cancellationToken: ct);
    }

    public async Task<List<HistoryEntry>> ReadHistoryAsync(string instanceId, CancellationToken ct)
    {
        var entries = new List<HistoryEntry>();
        await foreach (var row in RowsAsync(instanceId, RowKeys.HistoryPrefix, ct))
        {
            entries.Add(HistoryRows.FromEntity(row));
        }

        return entries;
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

    /// <summary>The instances holding rows with that prefix (outbox, inbox), found with one scan over the row keys.</summary>
    public async Task<HashSet<string>> InstancesWithRowsAsync(string prefix, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var upper = RowKeys.UpperBound(prefix);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {upper}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct))
        {
            ids.Add(row.PartitionKey);
        }

        return ids;
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
