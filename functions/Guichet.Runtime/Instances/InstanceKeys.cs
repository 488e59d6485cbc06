using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Instances;

/// <summary>
/// The key list of the instance list, <c>{hub}InstanceKeys</c>: what never changes about an instance (its creation time,
/// its id), written once, by the step that creates it, so that a page by creation time or by id prefix without a type
/// reads a key range, never every row of the list. Partition <c>created</c> holds <c>{utcTicks:D19}|{id}</c>, partition
/// <c>id</c> holds the id; both name the type and id in columns. One partition each, so that any window or prefix is one
/// contiguous range: they take one write per instance created, as the by-status list's Running partition already does.
/// </summary>
internal static class InstanceKeys
{
    public const string CreatedPartition = "created";
    public const string IdPartition = "id";

    /// <summary>A history starts at 1 and only grows: the step of sequence 1 is the one that created the instance.</summary>
    public const long CreationSequence = 1;

    /// <summary>The row key of an instance in partition <c>created</c>: its creation, then its id (a namesake started again later has its own).</summary>
    public static string CreatedKey(long createdTicks, string instanceId) => $"{Ticks(createdTicks)}|{instanceId}";

    /// <summary>The creation time a row key of partition <c>created</c> begins with.</summary>
    public static long CreatedTicks(string rowKey) => long.Parse(rowKey.AsSpan(0, 19), CultureInfo.InvariantCulture);

    /// <summary>The two key rows of a created instance, stamped by its creation step.</summary>
    public static (TableEntity Created, TableEntity Id) Rows(string workflowType, string instanceId, ProjectionStamp stamp)
    {
        var columns = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            [InstanceIndex.TypeColumn] = workflowType,
            [InstanceIndex.IdColumn] = instanceId,
        });
        return (ProjectionRows.ToEntity(CreatedPartition, CreatedKey(stamp.Generation, instanceId), columns, stamp),
            ProjectionRows.ToEntity(IdPartition, instanceId, columns, stamp));
    }

    /// <summary>The key range a query is served from, or null when the index or the by-status list serves it by key already.</summary>
    public static InstanceKeyRange? RangeFor(InstanceQuery query)
    {
        if (query.CreatedFrom is not null || query.CreatedTo is not null)
        {
            // "{ticks}" sorts before "{ticks}|{id}": the window's bounds are its instants, the start in, the end out.
            return new(CreatedPartition, Ticks(query.CreatedFrom?.UtcTicks ?? 0), query.CreatedTo is { } to ? Ticks(to.UtcTicks) : null);
        }

        return query.WorkflowType is null && !string.IsNullOrEmpty(query.InstanceIdPrefix)
            ? new(IdPartition, query.InstanceIdPrefix, RowKeys.UpperBound(query.InstanceIdPrefix))
            : null;
    }

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
