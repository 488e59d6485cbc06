using Azure.Data.Tables;
using Guichet.Domain.Placement;
using Guichet.Host.ReadModels;
using Guichet.Runtime;

namespace Guichet.Host.Placement;

// The record is kept while its vacancy may be checked: it is pruned once the vacancy ended longer ago than the retention.
internal sealed partial class SkippedDossiers
{
    // Where the pruning got to, in the table itself: a partition no vacancy id can name (instance ids have no '~').
    private const string CursorPartition = "~pruning";
    private const string CursorRow = "cursor";

    /// <summary>
    /// Deletes the records of at most <paramref name="max"/> vacancies that ended before <paramref name="endedBefore"/>,
    /// the earliest ended first, and remembers how far it got: the next run reads only the vacancies ended since, so a
    /// run costs what ended since the last one, not the whole history. Returns how many vacancies it pruned.
    /// </summary>
    public async Task<int> PruneAsync(WorkflowRuntime runtime, DateTimeOffset endedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await ReadyAsync(cancellationToken);
        var cursor = await _table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: cancellationToken);
        var from = cursor.HasValue ? cursor.Value!.GetString("endedAt") : ReadModelRows.Instant(DateTimeOffset.MinValue);
        var until = ReadModelRows.Instant(endedBefore);
        var ended = (await runtime.ReadModel(PlacementReadModels.Vacancies)
                .ReadAllAsync(TableClient.CreateQueryFilter($"endedAt ge {from} and endedAt lt {until}"), cancellationToken))
            .Select(r => (Id: r.RowKey, EndedAt: r.GetString("endedAt")))
            .OrderBy(v => v.EndedAt, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();
        var pruned = ended.Take(max).ToList();
        foreach (var (vacancyId, _) in pruned)
        {
            await DeletePartitionAsync(vacancyId, cancellationToken);
        }

        // Cut short, the next run starts at the last one pruned (pruning it again costs one empty read); else at the bound.
        var next = pruned.Count < ended.Count ? pruned[^1].EndedAt : until;
        await _table.UpsertEntityAsync(new TableEntity(CursorPartition, CursorRow) { ["endedAt"] = next }, TableUpdateMode.Replace, cancellationToken);
        return pruned.Count;
    }

    private async Task DeletePartitionAsync(string vacancyId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {vacancyId}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        foreach (var batch in keys.Chunk(Batch))
        {
            await _table.SubmitTransactionAsync(batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(vacancyId, k))), cancellationToken);
        }
    }
}
