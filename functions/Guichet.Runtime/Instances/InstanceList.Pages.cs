using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Instances;

internal sealed partial class InstanceList
{
    /// <summary>
    /// One page of a query, one request: with runtime statuses, from the by-status list, one status partition after the
    /// other (the type a key range there, the id prefix too with a type, else a column filter), the token naming the
    /// status it continues in; without, from the index (the type a partition, the id prefix a key range). The creation
    /// time is a column filter either way.
    /// </summary>
    public async Task<InstancePage> QueryAsync(InstanceQuery query, string? continuationToken, int pageSize, CancellationToken ct)
    {
        if (query.RuntimeStatuses is not { Count: > 0 } wanted)
        {
            var page = await new ReadModel(Index).QueryAsync(IndexFilter(query), pageSize, continuationToken, ct);
            return new([.. page.Rows.Select(InstanceIndex.ToStatus)], page.ContinuationToken);
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
            ? throw new RequestFailedException(400, "The continuation token does not belong to this query of instances.", "InvalidInput", null)
            : (at, split + 1 < continuationToken.Length ? continuationToken[(split + 1)..] : null);
    }

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

        parts.AddRange(Created(query));
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static string StatusFilter(string status, InstanceQuery query)
    {
        List<string> parts = [TableClient.CreateQueryFilter($"PartitionKey eq {status}")];
        if (query.WorkflowType is { } type)
        {
            // A type holding '|' could share a key prefix with another type's ids: the column settles it.
            parts.Add(KeyRange(InstanceIndex.StatusKey(type, query.InstanceIdPrefix ?? string.Empty)));
            parts.Add(TableClient.CreateQueryFilter($"workflowType eq {type}"));
        }
        else if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            // Without a type, the prefix is a column filter: the page reads the status partition until it finds its rows.
            parts.Add(TableClient.CreateQueryFilter($"instanceId ge {query.InstanceIdPrefix} and instanceId lt {RowKeys.UpperBound(query.InstanceIdPrefix)}"));
        }

        parts.AddRange(Created(query));
        return string.Join(" and ", parts);
    }

    private static string KeyRange(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {RowKeys.UpperBound(prefix)}");

    private static IEnumerable<string> Created(InstanceQuery query)
    {
        if (query.CreatedFrom is { } from)
        {
            yield return TableClient.CreateQueryFilter($"createdAt ge {from.UtcTicks}");
        }

        if (query.CreatedTo is { } to)
        {
            yield return TableClient.CreateQueryFilter($"createdAt lt {to.UtcTicks}");
        }
    }
}
