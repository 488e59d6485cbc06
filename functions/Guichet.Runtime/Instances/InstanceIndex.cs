using System.Collections.Immutable;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Instances;

/// <summary>
/// The rows of the instance list (see <see cref="InstanceList"/>): one summary per instance, projected by every step that
/// starts it or changes its runtime or custom status, so that a page of the list costs what it returns, never a scan of
/// the instances table and its histories.
/// </summary>
internal static class InstanceIndex
{
    /// <summary>The columns a row of the by-status list adds, since its keys are the status and <c>type|id</c>.</summary>
    public const string TypeColumn = "workflowType";
    public const string IdColumn = "instanceId";
    private const string StatusColumn = "runtimeStatus";
    public const string UpdatedAtColumn = "updatedAt";
    public const string HistoryLengthColumn = "historyLength";
    private static readonly string[] MovingColumnNames = [UpdatedAtColumn, HistoryLengthColumn, "historySize", "bufferedEvents", "pendingTimers", "waiting"];

    /// <summary>An error is kept whole in the instance's status; the list shows its beginning.</summary>
    private const int MaxErrorLength = 4000;

    /// <summary>The summary's row, as an outbox item of the step (carried out after it, in order); <paramref name="left"/> is the status the step left.</summary>
    public static OutboxItem Item(InstanceRecord record, int index, RuntimeStatus? left)
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
            LeftStatus = left?.ToString(),
        };
    }

    /// <summary>
    /// The columns of a summary that move without a status change, as the summary's projection writes them (an empty
    /// <c>waiting</c> stands for none, since a merge cannot remove a column).
    /// </summary>
    public static TableEntity MovingColumns(InstanceRecord record) => new(record.WorkflowType, record.InstanceId)
    {
        [UpdatedAtColumn] = record.UpdatedAt.UtcTicks,
        [HistoryLengthColumn] = record.LastSequence,
        ["historySize"] = record.HistorySize,
        ["bufferedEvents"] = record.BufferedEvents,
        ["pendingTimers"] = JsonSerializer.Serialize(record.Timers, WorkflowJson.Options),
        ["waiting"] = record.Waiting ?? string.Empty,
    };

    /// <summary>
    /// A step's summary to write over the row held, with the held row's moving columns when a later step's refresh wrote
    /// them there first: a status change whose projection is late (another host committed the next step and refreshed the
    /// row before it landed) brings its status, not its older timers, history length or update time.
    /// </summary>
    public static TableEntity KeepingLaterMovingColumns(TableEntity held, TableEntity summary)
    {
        if (held.GetInt64(ProjectionRows.Generation) != summary.GetInt64(ProjectionRows.Generation) || !IsLater(held, summary))
        {
            return summary;
        }

        foreach (var column in MovingColumnNames)
        {
            if (held.TryGetValue(column, out var value))
            {
                summary[column] = value;
            }
            else
            {
                summary.Remove(column);
            }
        }

        return summary;
    }

    private static bool IsLater(TableEntity row, TableEntity than)
    {
        var (length, thanLength) = (row.GetInt64(HistoryLengthColumn) ?? 0, than.GetInt64(HistoryLengthColumn) ?? 0);
        return length > thanLength || (length == thanLength && (row.GetInt64(UpdatedAtColumn) ?? 0) > (than.GetInt64(UpdatedAtColumn) ?? 0));
    }

    /// <summary>The runtime status an item's summary holds: the partition of its row in the by-status list.</summary>
    public static string StatusOf(OutboxItem item)
    {
        using var summary = JsonDocument.Parse(item.Payload);
        return summary.RootElement.GetProperty(StatusColumn).GetString()!;
    }

    /// <summary>The row key of an instance in the by-status list: its type, then its id, so a type is a key range there too.</summary>
    public static string StatusKey(string workflowType, string instanceId) => $"{workflowType}|{instanceId}";

    /// <summary>The row of the by-status list: the same summary, keyed by status, naming its type and id in columns.</summary>
    public static TableEntity StatusRow(OutboxItem item, ProjectionStamp stamp)
    {
        var row = ProjectionRows.ToEntity(StatusOf(item), StatusKey(item.Name!, item.Id!), item.Payload, stamp);
        row[TypeColumn] = item.Name;
        row[IdColumn] = item.Id;
        return row;
    }

    public static InstanceStatus ToStatus(TableEntity row) => new()
    {
        InstanceId = row.GetString(IdColumn) ?? row.RowKey,
        WorkflowType = row.GetString(TypeColumn) ?? row.PartitionKey,
        WorkflowVersion = (int)(row.GetInt64("workflowVersion") ?? 1),
        RuntimeStatus = Enum.Parse<RuntimeStatus>(row.GetString(StatusColumn)),
        CustomStatus = row.GetString("customStatus"),
        CreatedAt = new DateTimeOffset(row.GetInt64("createdAt") ?? 0, TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(row.GetInt64(UpdatedAtColumn) ?? 0, TimeSpan.Zero),
        PendingTimers = JsonSerializer.Deserialize<ImmutableList<PendingTimer>>(row.GetString("pendingTimers") ?? "[]", WorkflowJson.Options) ?? [],
        BufferedEvents = row.GetInt64("bufferedEvents") ?? 0,
        HistoryLength = row.GetInt64(HistoryLengthColumn) ?? 0,
        HistorySize = row.GetInt64("historySize") ?? 0,
        Error = row.GetString("error"),
        Waiting = row.GetString("waiting") is { Length: > 0 } waiting ? waiting : null,
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
