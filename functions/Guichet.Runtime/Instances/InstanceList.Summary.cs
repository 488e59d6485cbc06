using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Instances;

internal sealed partial class InstanceList
{
    /// <summary>A merge that lost its race reads again; past this many, later steps' writes are what the row holds.</summary>
    private const int MaxRefreshAttempts = 3;

    private static readonly string[] RefreshColumns = [ProjectionRows.Generation, InstanceIndex.HistoryLengthColumn, InstanceIndex.UpdatedAtColumn];

    /// <summary>
    /// After a committed step that projects no summary of its own (its status did not change), brings the moving part of
    /// the instance's row in the list by type up to date (update time, history length and size, buffered events, pending
    /// timers, what it waits for): a read of the row's generation, history length and update time, then a merge on the
    /// ETag read, only when the row is this generation's and not later than this step, so that a refresh delayed past a
    /// later step's write never takes the row back in time. Nothing when the row is not there yet (the creation's
    /// projection, still on its way, writes it) or is gone (purged). The status, custom status and error are left to the
    /// ordered projection of the steps that change them. The row by status is not touched: a page by status shows an
    /// instance as of its last status change.
    /// </summary>
    public async Task RefreshAsync(Commit commit, CancellationToken ct)
    {
        if (commit.IsNew || commit.Outbox.Any(o => o.Kind == OutboxKind.Project && o.Target == ReadModelNames.InstanceIndex))
        {
            return;
        }

        var record = commit.Record;
        for (var attempt = 0; attempt < MaxRefreshAttempts; attempt++)
        {
            var row = await Index.GetEntityIfExistsAsync<TableEntity>(record.WorkflowType, record.InstanceId, RefreshColumns, ct);
            if (!row.HasValue || !IsBehind(row.Value!, record))
            {
                return;
            }

            try
            {
                await Index.UpdateEntityAsync(InstanceIndex.MovingColumns(record), row.Value!.ETag, TableUpdateMode.Merge, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Written in between (a later step, or this one's projection): read it again.
            }
        }
    }

    /// <summary>
    /// Whether the row is this generation's and not later than the step: a shorter history, or as long and updated no
    /// later (a buffered event or a wait adds no entry, only its update time). Commits of one instance are serialised,
    /// so the later of two has the longer history or, with as long a one, the later clock.
    /// </summary>
    internal static bool IsBehind(TableEntity row, InstanceRecord record)
    {
        var length = row.GetInt64(InstanceIndex.HistoryLengthColumn) ?? 0;
        return row.GetInt64(ProjectionRows.Generation) == record.CreatedAt.UtcTicks
            && (length < record.LastSequence || (length == record.LastSequence && (row.GetInt64(InstanceIndex.UpdatedAtColumn) ?? 0) <= record.UpdatedAt.UtcTicks));
    }
}
