using Guichet.Runtime.Instances;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// A step that completes or terminates its instance while events wait in its inbox records them as not applied
    /// and deletes their rows, in its own transaction as far as they fit; the rest follow right after the commit.
    /// </summary>
    private async ValueTask<Commit> DiscardingBufferedAsync(Commit commit, CancellationToken ct)
    {
        if (commit.Record is not { RuntimeStatus: RuntimeStatus.Completed or RuntimeStatus.Terminated, BufferedEvents: > 0 } ended)
        {
            return commit;
        }

        var items = await Store.ReadInboxFromAsync(ended.InstanceId, ended.InboxHead, StepPlanner.DiscardRoom(commit), ct);
        return PlannerFor(ended).DiscardBuffered(commit, items);
    }

    /// <summary>
    /// Records as not applied, and deletes, the inbox rows a completed or terminated instance still holds (those that
    /// did not fit the step that ended it, or that a crash left), one transaction at a time.
    /// </summary>
    private async Task DiscardInboxAsync(string instanceId, CancellationToken ct)
    {
        var attempt = 0;
        while (attempt < MaxCommitAttempts)
        {
            var record = await Store.LoadAsync(instanceId, ct);
            if (record is not { RuntimeStatus: RuntimeStatus.Completed or RuntimeStatus.Terminated })
            {
                return;
            }

            var unchanged = new Commit(record, false);
            var items = await Store.ReadInboxFromAsync(instanceId, 0, StepPlanner.DiscardRoom(unchanged), ct);
            if (items.Count == 0)
            {
                return;
            }

            var discarded = PlannerFor(record).DiscardBuffered(unchanged, items);
            if ((await Store.CommitAsync(discarded, ct)).Result == CommitResult.Committed)
            {
                await CarryOutAsync(discarded, 0, ct); // the refusals owed to their senders
                attempt = 0;
            }
            else
            {
                await BackOffAsync(++attempt, ct);
            }
        }

        throw new TimeoutException($"Instance '{instanceId}' kept changing while the events it will never apply were recorded; the sweep tries again.");
    }
}
