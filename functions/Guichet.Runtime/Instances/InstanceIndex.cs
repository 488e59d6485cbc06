using System.Collections.Immutable;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Instances;

/// <summary>
/// The instance list as a read model: one row per instance (partition: its workflow type; row: its id), projected
/// by every step that starts it or changes its runtime or custom status, so that a page of the list costs what it
/// returns, never a scan of the instances table and its histories.
/// </summary>
internal static class InstanceIndex
{
    /// <summary>An error is kept whole in the instance's status; the list shows its beginning.</summary>
    private const int MaxErrorLength = 4000;

    /// <summary>The summary's row, as an outbox item of the step (carried out after it, in order).</summary>
    public static OutboxItem Item(InstanceRecord record, int index)
    {
        var summary = new Summary(
            record.WorkflowVersion,
            record.RuntimeStatus.ToString(),
            record.CustomStatus,
            record.CreatedAt.UtcTicks,
            record.UpdatedAt.UtcTicks,
            record.LastSequence,
            record.HistorySize,
            record.BufferedEvents,
            record.Error is { Length: > MaxErrorLength } error ? error[..MaxErrorLength] : record.Error,
            record.Waiting,
            record.CorrelationId,
            record.Timers);
        var json = JsonSerializer.SerializeToUtf8Bytes(summary, WorkflowJson.Options);
        return new(RowKeys.Outbox(record.LastSequence, index), OutboxKind.Project, ReadModelNames.InstanceIndex, record.WorkflowType, record.InstanceId, json, null, record.WorkflowVersion, record.CorrelationId)
        {
            Generation = record.CreatedAt.UtcTicks,
        };
    }

    /// <summary>The query as a filter: the type is the partition, the prefix a key range, the rest column filters.</summary>
    public static string? Filter(InstanceQuery query)
    {
        var parts = new List<string>();
        if (query.WorkflowType is { } type)
        {
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {type}"));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var prefix = query.InstanceIdPrefix;
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {RowKeys.UpperBound(prefix)}"));
        }

        if (query.RuntimeStatuses is { Count: > 0 } statuses)
        {
            parts.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"runtimeStatus eq {s.ToString()}"))) + ")");
        }

        if (query.CreatedFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"createdAt ge {from.UtcTicks}"));
        }

        if (query.CreatedTo is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"createdAt lt {to.UtcTicks}"));
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    public static InstanceStatus ToStatus(TableEntity row) => new()
    {
        InstanceId = row.RowKey,
        WorkflowType = row.PartitionKey,
        WorkflowVersion = (int)(row.GetInt64("workflowVersion") ?? 1),
        RuntimeStatus = Enum.Parse<RuntimeStatus>(row.GetString("runtimeStatus")),
        CustomStatus = row.GetString("customStatus"),
        CreatedAt = new DateTimeOffset(row.GetInt64("createdAt") ?? 0, TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(row.GetInt64("updatedAt") ?? 0, TimeSpan.Zero),
        PendingTimers = JsonSerializer.Deserialize<ImmutableList<PendingTimer>>(row.GetString("pendingTimers") ?? "[]", WorkflowJson.Options) ?? [],
        BufferedEvents = row.GetInt64("bufferedEvents") ?? 0,
        HistoryLength = row.GetInt64("historyLength") ?? 0,
        HistorySize = row.GetInt64("historySize") ?? 0,
        Error = row.GetString("error"),
        Waiting = row.GetString("waiting"),
        CorrelationId = row.GetString("correlationId"),
    };

    private sealed record Summary(
        int WorkflowVersion,
        string RuntimeStatus,
        string? CustomStatus,
        long CreatedAt,
        long UpdatedAt,
        long HistoryLength,
        long HistorySize,
        long BufferedEvents,
        string? Error,
        string? Waiting,
        string? CorrelationId,
        ImmutableList<PendingTimer> PendingTimers);
}
