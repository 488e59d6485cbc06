using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// How long a mark may vouch for a step that is not visible (not committed yet, or never). A commit is abandoned
    /// when it has not landed within <see cref="RuntimeOptions.CommitDeadline"/> (retries included), well
    /// inside this, so a mark this old whose step is not there stands for nothing and the sweeper drops it.
    /// </summary>
    public static readonly TimeSpan MarkGrace = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether the scheduled job has anything to do: a durable timer due, or pending work marked. One request (one key
    /// range of the work index's one partition) when nothing is due, whatever the instances and their histories hold;
    /// false too when the runtime never ran on this account (no work index yet).
    /// </summary>
    public async Task<bool> HasWorkDueAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WorkIndex.Partition} and RowKey lt {WorkIndex.DueBound(Time.GetUtcNow())}");
        try
        {
            // An empty page with a continuation token is not "nothing due": the loop asks on from where it stopped.
            await foreach (var page in TimerIndex.Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                if (page.Values.Count > 0)
                {
                    return true;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return false;
    }

    /// <summary>
    /// Finishes what hosts that stopped abruptly left undone, reading the pending-work marks only (its cost follows
    /// the work pending, not the history ever written): carries out the outbox of every marked step, applies the
    /// buffered events of running instances, and drops the marks whose work is done or whose step never committed
    /// (after <see cref="MarkGrace"/>). Returns how many instances it found marked.
    /// </summary>
    public async Task<int> SweepOutboxAsync(CancellationToken cancellationToken = default)
    {
        var marks = new List<PendingMark>();
        await foreach (var mark in Store.Marks.AllAsync(cancellationToken))
        {
            marks.Add(mark);
        }

        var instances = marks.GroupBy(m => m.InstanceId, StringComparer.Ordinal).ToList();
        foreach (var instance in instances)
        {
            await SweepOneAsync(instance.Key, () => SweepInstanceAsync(instance.Key, [.. instance], cancellationToken), cancellationToken);
        }

        return instances.Count;
    }

    /// <summary>
    /// Carries out an instance's whole outbox, then drops the marks of the steps it covered; says what is left for later.
    /// <paramref name="atOnce"/> tries effects waiting for their next attempt now.
    /// </summary>
    internal async Task<OutboxProgress> CarryOutPendingAsync(string instanceId, CancellationToken ct, bool atOnce = false)
    {
        // Loaded before the outbox is read: every step up to this sequence has its rows in that read.
        var record = await Store.LoadAsync(instanceId, ct);
        var progress = await Dispatcher.DispatchPendingAsync(instanceId, atOnce, ct);
        if (!progress.IsDone)
        {
            return progress;
        }

        var covered = record?.LastSequence ?? 0;
        await foreach (var mark in Store.Marks.OfAsync(instanceId, ct))
        {
            if (mark.Kind == PendingKind.Outbox && mark.Number <= covered)
            {
                await Store.Marks.DeleteAsync(mark.RowKey, mark.ETag, ct);
            }
        }

        return progress;
    }

    private async Task SweepInstanceAsync(string instanceId, IReadOnlyList<PendingMark> marks, CancellationToken ct)
    {
        var record = await Store.LoadAsync(instanceId, ct);
        var done = new List<PendingMark>();
        var committed = marks.Where(m => m.Kind == PendingKind.Outbox && m.Number <= (record?.LastSequence ?? 0)).ToList();
        if (committed.Count > 0 && (await Dispatcher.DispatchPendingAsync(instanceId, false, ct)).IsDone)
        {
            done.AddRange(committed);
        }

        if (record is { RuntimeStatus: RuntimeStatus.Running } && marks.Any(m => m.Kind == PendingKind.Inbox))
        {
            await DrainInboxAsync(instanceId, 0, ct); // drops the inbox marks it covered
        }

        if (record is { RuntimeStatus: RuntimeStatus.Completed or RuntimeStatus.Terminated } && marks.Any(m => m.Kind == PendingKind.Inbox))
        {
            await DiscardInboxAsync(instanceId, ct); // what ending it left behind: recorded as not applied, rows deleted
            done.AddRange(marks.Where(m => m.Kind == PendingKind.Inbox));
        }

        var stale = Time.GetUtcNow() - MarkGrace;
        done.AddRange(marks.Where(m => m.WrittenAt < stale && !Vouches(m, record)));
        done.AddRange(await LostForGoodAsync(instanceId, marks.Where(m => m.WrittenAt >= stale && !Vouches(m, record)).ToList(), record, ct));
        foreach (var mark in done.Distinct())
        {
            // With the ETag read: a mark written again meanwhile (a resume, a retried commit) stays.
            await Store.Marks.DeleteAsync(mark.RowKey, mark.ETag, ct);
        }
    }

    /// <summary>
    /// The outbox marks, among those not vouched for, whose every attempt lost for good: each was a step applying an event
    /// already processed (a duplicate that lost its commit), so none can ever commit. An attempt with no event id, or
    /// whose event is not processed, may still be landing: its mark waits for <see cref="MarkGrace"/>. The state is read
    /// again after the processed rows, so that an event processed by the very step the mark stands for (committed meanwhile)
    /// is not taken for a duplicate; and the mark is deleted with the ETag read, so a host that added its attempt since keeps it.
    /// </summary>
    private async Task<List<PendingMark>> LostForGoodAsync(string instanceId, List<PendingMark> unvouched, InstanceRecord? record, CancellationToken ct)
    {
        var lost = new List<PendingMark>();
        foreach (var mark in unvouched.Where(m => m.Kind == PendingKind.Outbox && record is not null && m.Attempts.All(a => a is not null)))
        {
            var processed = true;
            foreach (var eventId in mark.Attempts)
            {
                processed = processed && await Store.HasProcessedAsync(instanceId, eventId!, ct);
            }

            if (processed)
            {
                lost.Add(mark);
            }
        }

        if (lost.Count == 0)
        {
            return lost;
        }

        var now = await Store.LoadAsync(instanceId, ct);
        return now is null || now.CreatedAt != record!.CreatedAt ? [] : [.. lost.Where(m => m.Number > now.LastSequence)];
    }

    /// <summary>Whether a mark stands for work there is to do: a committed step's outbox, or the inbox of a running instance.</summary>
    private static bool Vouches(PendingMark mark, InstanceRecord? record) => record is not null && (mark.Kind == PendingKind.Outbox
        ? mark.Number <= record.LastSequence
        : record.RuntimeStatus == RuntimeStatus.Running && mark.Number < record.InboxTail);

    /// <summary>Drops the inbox marks of an instance whose inbox was drained up to <paramref name="head"/>; later ones stay.</summary>
    private async Task ForgetInboxMarksAsync(string instanceId, long head, CancellationToken ct)
    {
        await foreach (var mark in Store.Marks.OfAsync(instanceId, ct))
        {
            if (mark.Kind == PendingKind.Inbox && mark.Number < head)
            {
                await Store.Marks.DeleteAsync(mark.RowKey, mark.ETag, ct);
            }
        }
    }

    /// <summary>One instance that cannot be swept (newer than this code, say) holds up no other: it is logged and left.</summary>
    private async Task SweepOneAsync(string instanceId, Func<Task> sweep, CancellationToken ct)
    {
        try
        {
            await sweep();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogError(ex, "Sweep of {InstanceId} failed; it is tried again at the next sweep", instanceId);
        }
    }
}
