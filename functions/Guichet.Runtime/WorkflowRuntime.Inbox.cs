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
        return Fitting(commit, items, orNone: true);
    }

    /// <summary>
    /// The commit with as many of <paramref name="items"/> discarded as its transaction holds (refusal replies can be
    /// 48 KiB each): halved until it fits, nothing sent meanwhile. Down to none when <paramref name="orNone"/> (the step
    /// that ends the instance: the rest follow after it); else down to one, recorded without its reply if alone it does
    /// not fit, so that the sweep always moves on.
    /// </summary>
    private Commit Fitting(Commit commit, List<InboxItem> items, bool orNone)
    {
        var planner = PlannerFor(commit.Record);
        for (var count = items.Count; ; count /= 2)
        {
            var discarded = planner.DiscardBuffered(commit, [.. items.Take(count)]);
            if (InstanceStore.Problem(discarded) is null || (orNone && count == 0))
            {
                return discarded;
            }

            if (!orNone && count <= 1)
            {
                return planner.DiscardBuffered(commit, [.. items.Take(1)], withReplies: false);
            }
        }
    }

    /// <summary>
    /// Records as not applied, and deletes, the inbox rows a completed or terminated instance still holds (those that
    /// did not fit the step that ended it, or that a crash left), one transaction at a time.
    /// </summary>
    private async Task DiscardInboxAsync(string instanceId, CancellationToken ct)
    {
        var (attempt, limit, bare) = (0, int.MaxValue, false);
        while (attempt < MaxCommitAttempts)
        {
            var record = await Store.LoadAsync(instanceId, ct);
            if (record is not { RuntimeStatus: RuntimeStatus.Completed or RuntimeStatus.Terminated })
            {
                return;
            }

            var unchanged = new Commit(record, false);
            var items = await Store.ReadInboxFromAsync(instanceId, 0, Math.Min(limit, StepPlanner.DiscardRoom(unchanged)), ct);
            if (items.Count == 0)
            {
                return;
            }

            var discarded = bare
                ? PlannerFor(record).DiscardBuffered(unchanged, [items[0]], withReplies: false)
                : Fitting(unchanged, items, orNone: false);
            var outcome = await Store.CommitAsync(discarded, ct);
            if (outcome.Result == CommitResult.Committed)
            {
                await CarryOutAsync(discarded, 0, ct); // the refusals owed to their senders
                (attempt, bare) = (0, false);
            }
            else if (outcome.Result == CommitResult.DoesNotFit)
            {
                // Azure refused what the limits let through: a retry as it is would fail for ever, so fewer, then one bare.
                (limit, bare) = bare
                    ? throw new InvalidOperationException($"Instance '{instanceId}' cannot record the events it will never apply: {outcome.Problem}")
                    : discarded.Discards.Count > 1 ? (discarded.Discards.Count / 2, false) : (1, true);
            }
            else
            {
                await BackOffAsync(++attempt, ct);
            }
        }

        throw new TimeoutException($"Instance '{instanceId}' kept changing while the events it will never apply were recorded; the sweep tries again.");
    }
}
