using Azure.Data.Tables;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Tests;

/// <summary>
/// What a test checks across all instances: a scan of the whole instances table on the row keys alone, which the
/// runtime never makes (its cost grows with every instance ever kept).
/// </summary>
internal static class InstanceScans
{
    /// <summary>The instances holding rows with that prefix (outbox, inbox), found with one scan over the row keys.</summary>
    public static async Task<HashSet<string>> InstancesWithRowsAsync(this InstanceStore store, string prefix, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {RowKeys.UpperBound(prefix)}");
        await foreach (var row in store.Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct))
        {
            ids.Add(row.PartitionKey);
        }

        return ids;
    }
}
