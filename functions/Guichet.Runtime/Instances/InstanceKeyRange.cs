using Azure.Data.Tables;

namespace Guichet.Runtime.Instances;

/// <summary>
/// A range of the key list: row keys from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive; null:
/// to the end) in one partition, which also names the range in its continuation tokens.
/// </summary>
internal sealed record InstanceKeyRange(string Partition, string From, string? To)
{
    /// <summary>The range's rows, after <paramref name="after"/> when a page already went that far.</summary>
    public string Filter(string? after)
    {
        var start = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {From}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {after}");
        return To is null ? start : $"{start} and {TableClient.CreateQueryFilter($"RowKey lt {To}")}";
    }

    /// <summary>Whether a row key lies in the range: a token naming one outside it belongs to another query.</summary>
    public bool Holds(string rowKey) =>
        string.CompareOrdinal(rowKey, From) >= 0 && (To is null || string.CompareOrdinal(rowKey, To) < 0);
}
