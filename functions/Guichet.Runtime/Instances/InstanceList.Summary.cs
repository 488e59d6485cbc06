using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Instances;

internal sealed partial class InstanceList
{
    /// <summary>
    /// After a committed step that projects no summary of its own (its status did not change), brings the moving part of
    /// the instance's row in the list by type up to date (update time, history length and size, buffered events, pending
    /// timers, what it waits for): one merge, never a read, and nothing when the row is not there yet (the creation's
    /// projection, still on its way, writes it) or is gone (purged). The status, custom status and error are left to the
    /// ordered projection of the steps that change them. The row by status is not touched (a second request): a page by
    /// status shows an instance as of its last status change.
    /// </summary>
    public async Task RefreshAsync(Commit commit, CancellationToken ct)
    {
        if (commit.IsNew || commit.Outbox.Any(o => o.Kind == OutboxKind.Project && o.Target == ReadModelNames.InstanceIndex))
        {
            return;
        }

        try
        {
            await Index.UpdateEntityAsync(InstanceIndex.MovingColumns(commit.Record), ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
