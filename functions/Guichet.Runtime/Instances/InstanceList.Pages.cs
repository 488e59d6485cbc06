using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.ReadModels;

namespace Guichet.Runtime.Instances;

internal sealed partial class InstanceList
{
    /// <summary>Names the index in its pages' tokens, as a status names its partition and a key range its partition.</summary>
    private const string IndexSource = "index";

    /// <summary>
    /// One page of a query, its cost bounded by the page size: by creation time, or by id prefix without a type, from a
    /// range of the key list (see <see cref="KeyedPageAsync"/>); else with runtime statuses, from the by-status list, one
    /// status partition after the other (the type and the id prefix a key range there), the token naming the status it
    /// continues in; else from the index (the type a partition, the id prefix a key range), in one request.
    /// </summary>
    public async Task<InstancePage> QueryAsync(InstanceQuery query, string? continuationToken, int pageSize, CancellationToken ct)
    {
        if (InstanceKeys.RangeFor(query) is { } range)
        {
            return await KeyedPageAsync(range, query, continuationToken, pageSize, ct);
        }

        if (query.RuntimeStatuses is not { Count: > 0 } wanted)
        {
            var page = await new ReadModel(Index).QueryAsync(IndexFilter(query), pageSize, Resuming(IndexSource, continuationToken), ct);
            return new([.. page.Rows.Select(InstanceIndex.ToStatus)], Token(IndexSource, page.ContinuationToken));
        }

        var statuses = wanted.Distinct().Order().Select(s => s.ToString()).ToList();
        var (at, token) = Continuing(statuses, continuationToken);
        var rows = await new ReadModel(ByStatus).QueryAsync(StatusFilter(statuses[at], query), pageSize, token, ct);
        var next = rows.ContinuationToken is { } more ? $"{statuses[at]}|{more}"
            : at + 1 < statuses.Count ? $"{statuses[at + 1]}|"
            : null;
        return new([.. rows.Rows.Select(InstanceIndex.ToStatus)], next);
    }

    /// <summary>
    /// Where a by-status token continues: the status it names, then the storage token. A token that names no status of
    /// the query is refused as storage refuses a token it cannot read (400), so that callers handle one refusal.
    /// </summary>
    private static (int Status, string? Token) Continuing(List<string> statuses, string? continuationToken)
    {
        if (continuationToken is null)
        {
            return (0, null);
        }

        var split = continuationToken.IndexOf('|', StringComparison.Ordinal);
        var at = split < 0 ? -1 : statuses.IndexOf(continuationToken[..split]);
        return at < 0
            ? throw ForeignToken()
            : (at, split + 1 < continuationToken.Length ? continuationToken[(split + 1)..] : null);
    }

    /// <summary>The position a token of <paramref name="source"/> holds; a token of another source is refused (400).</summary>
    private static string? Resuming(string source, string? continuationToken) =>
        continuationToken is null ? null
        : continuationToken.Length > source.Length + 1 && continuationToken.StartsWith(source + "|", StringComparison.Ordinal)
            ? continuationToken[(source.Length + 1)..]
            : throw ForeignToken();

    private static string? Token(string source, string? position) => position is null ? null : $"{source}|{position}";

    private static RequestFailedException ForeignToken() =>
        new(400, "The continuation token does not belong to this query of instances.", "InvalidInput", null);

    private static string? IndexFilter(InstanceQuery query)
    {
        var parts = new List<string>();
        if (query.WorkflowType is { } type)
        {
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {type}"));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            parts.Add(KeyRange(query.InstanceIdPrefix));
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    /// <summary>A type and an id prefix are key ranges of the status partition (a prefix without a type goes to the key list).</summary>
    private static string StatusFilter(string status, InstanceQuery query)
    {
        List<string> parts = [TableClient.CreateQueryFilter($"PartitionKey eq {status}")];
        if (query.WorkflowType is { } type)
        {
            // A type holding '|' could share a key prefix with another type's ids: the column settles it.
            parts.Add(KeyRange(InstanceIndex.StatusKey(type, query.InstanceIdPrefix ?? string.Empty)));
            parts.Add(TableClient.CreateQueryFilter($"workflowType eq {type}"));
        }

        return string.Join(" and ", parts);
    }

    private static string KeyRange(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {Storage.RowKeys.UpperBound(prefix)}");
}
