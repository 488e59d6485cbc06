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
    /// the earliest ended first (then by id), and remembers the last one it pruned: the next run reads only the vacancies
    /// ended since (the service still scans the read model's rows: the filter is on a column, not a key), and goes on
    /// after that one even when many ended at the same instant. Returns how many vacancies it pruned.
    /// </summary>
    public async Task<int> PruneAsync(WorkflowRuntime runtime, DateTimeOffset endedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await ReadyAsync(cancellationToken);
        var cursor = await _table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: cancellationToken);
        var (from, after) = cursor.HasValue
            ? (cursor.Value!.GetString("endedAt"), cursor.Value.GetString("vacancyId") ?? "")
            : (ReadModelRows.Instant(DateTimeOffset.MinValue), "");
        var until = ReadModelRows.Instant(endedBefore);
        var ended = (await runtime.ReadModel(PlacementReadModels.Vacancies)
                .ReadAllAsync(TableClient.CreateQueryFilter($"endedAt ge {from} and endedAt lt {until}"), cancellationToken))
            .Select(r => (Id: r.RowKey, EndedAt: r.GetString("endedAt")))
            .Where(v => v.EndedAt != from || string.CompareOrdinal(v.Id, after) > 0)
            .OrderBy(v => v.EndedAt, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();
        var pruned = ended.Take(max).ToList();
        foreach (var (vacancyId, _) in pruned)
        {
            await DeletePartitionAsync(vacancyId, cancellationToken);
        }

        // Cut short, the next run goes on after the last one pruned; else from the bound.
        var (nextAt, nextAfter) = pruned.Count < ended.Count ? (pruned[^1].EndedAt, pruned[^1].Id) : (until, "");
        await _table.UpsertEntityAsync(new TableEntity(CursorPartition, CursorRow) { ["endedAt"] = nextAt, ["vacancyId"] = nextAfter }, TableUpdateMode.Replace, cancellationToken);
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
