using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.ReadModels;

namespace Guichet.Runtime.Instances;

internal sealed partial class InstanceList
{
    /// <summary>Point reads of one page in flight at once: enough to hide latency, few enough not to flood a host's connections.</summary>
    private const int ParallelReads = 16;

    /// <summary>
    /// A page from a range of the key list: at most <paramref name="pageSize"/> keys read (one request as a rule), then
    /// the summaries of those the key's type and id do not rule out, read from the index by point reads in parallel, and
    /// the rest of the query checked on them. A page examines no more keys than it may return, so a condition few
    /// instances meet makes pages short, never long: a page may hold fewer instances than asked, even none, with a token.
    /// </summary>
    private async Task<InstancePage> KeyedPageAsync(InstanceKeyRange range, InstanceQuery query, string? continuationToken, int pageSize, CancellationToken ct)
    {
        var after = Resuming(range.Partition, continuationToken);
        if (after is not null && !range.Holds(after))
        {
            throw ForeignToken();
        }

        var keys = await ReadKeysAsync(range.Filter(after), pageSize, ct);
        var candidates = keys.Where(k => Selects(query, k.GetString(InstanceIndex.TypeColumn), k.GetString(InstanceIndex.IdColumn))).ToList();
        var summaries = await SummariesAsync(candidates, ct);
        var listed = candidates.Zip(summaries)
            .Where(c => c.Second is { } s && Selects(query, s) && IsOfThisGeneration(range, c.First, s))
            .Select(c => c.Second!);
        return new([.. listed], keys.Count == pageSize ? Token(range.Partition, keys[^1].RowKey) : null);
    }

    private async Task<List<TableEntity>> ReadKeysAsync(string filter, int count, CancellationToken ct)
    {
        var keys = new List<TableEntity>(count);
        try
        {
            await foreach (var key in Keys.QueryAsync<TableEntity>(filter, count, ["RowKey", InstanceIndex.TypeColumn, InstanceIndex.IdColumn], ct))
            {
                keys.Add(key);
                if (keys.Count == count)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No instance was ever created under this hub.
        }

        return keys;
    }

    /// <summary>The summaries the keys name, in their order; null where the index holds none (purged, or not projected yet).</summary>
    private async Task<InstanceStatus?[]> SummariesAsync(List<TableEntity> keys, CancellationToken ct)
    {
        var index = new ReadModel(Index);
        var summaries = new InstanceStatus?[keys.Count];
        var reads = new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct };
        await Parallel.ForAsync(0, keys.Count, reads, async (i, token) =>
        {
            var row = await index.GetAsync(keys[i].GetString(InstanceIndex.TypeColumn), keys[i].GetString(InstanceIndex.IdColumn), token);
            summaries[i] = row is null ? null : InstanceIndex.ToStatus(row);
        });
        return summaries;
    }

    /// <summary>Whether the query may select an instance of that type and id (what a key tells before its summary is read).</summary>
    private static bool Selects(InstanceQuery query, string type, string id) =>
        (query.WorkflowType is null || query.WorkflowType == type)
        && (string.IsNullOrEmpty(query.InstanceIdPrefix) || id.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal));

    private static bool Selects(InstanceQuery query, InstanceStatus summary) =>
        Selects(query, summary.WorkflowType, summary.InstanceId)
        && (query.RuntimeStatuses is not { Count: > 0 } statuses || statuses.Contains(summary.RuntimeStatus))
        && (query.CreatedFrom is not { } from || summary.CreatedAt >= from)
        && (query.CreatedTo is not { } to || summary.CreatedAt < to);

    /// <summary>A creation key left by a purged namesake names an instance created at another time: that is not this one.</summary>
    private static bool IsOfThisGeneration(InstanceKeyRange range, TableEntity key, InstanceStatus summary) =>
        range.Partition != InstanceKeys.CreatedPartition || InstanceKeys.CreatedTicks(key.RowKey) == summary.CreatedAt.UtcTicks;
}
