using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    private static readonly string[] StatusColumns =
    [
        "PartitionKey", "RowKey", "WorkflowType", "WorkflowVersion", "RuntimeStatus", "CustomStatus", "CreatedAt", "UpdatedAt",
        "LastSequence", "LastHash", "HistorySize", "Timers", "InboxHead", "InboxTail", "Error", "Waiting", "CorrelationId", "StartActor",
    ];

    /// <summary>The status of an instance, or null when there is none; <paramref name="withData"/> adds input, output and state.</summary>
    public async Task<InstanceStatus?> GetStatusAsync(string instanceId, bool withData = false, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        return (await Store.LoadAsync(instanceId, cancellationToken))?.ToStatus(withData);
    }

    /// <summary>
    /// Lists instances matching a query, one page at a time. A page may hold fewer than
    /// <paramref name="pageSize"/> instances even when more follow: go on while the token is not null.
    /// </summary>
    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, string? continuationToken = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var pages = Store.Table.QueryAsync<TableEntity>(Filter(query), maxPerPage: pageSize, select: StatusColumns, cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize);
        await foreach (var page in pages)
        {
            var statuses = page.Values.Select(e => InstanceRecord.FromEntity(e).ToStatus(false)).ToList();
            return new(statuses, page.ContinuationToken);
        }

        return new([], null);
    }

    private static string Filter(InstanceQuery query)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {RowKeys.State}") };
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var prefix = query.InstanceIdPrefix;
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {RowKeys.UpperBound(prefix)}"));
        }

        if (query.WorkflowType is { } type)
        {
            parts.Add(TableClient.CreateQueryFilter($"WorkflowType eq {type}"));
        }

        if (query.RuntimeStatuses is { Count: > 0 } statuses)
        {
            parts.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        }

        if (query.CreatedFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        }

        return string.Join(" and ", parts);
    }
}
