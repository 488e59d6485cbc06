using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Guichet.Runtime.Instances;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Outbox;

/// <summary>
/// Carries out committed effects in order, then deletes their outbox rows. Every effect is idempotent, so a
/// crash between carrying one out and deleting its row only repeats it harmlessly. What fails is tried again with
/// back-off, by this host's sweeper or the scheduled job, for as long as the failure lasts; only what storage refused
/// as it stands is given up, at once, and recorded in its instance's history, never dropped silently.
/// An event to an instance that does not exist or has ended is recorded in the sender's history the same way.
/// An instance's outbox is carried out whole, in step order, by one dispatcher of this host at a time (<see cref="DispatchTurns"/>).
/// </summary>
internal sealed class OutboxDispatcher(WorkflowRuntime runtime, QueueServiceClient queues, ILogger logger)
{
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);
    private readonly DispatchTurns _turns = new();

    /// <summary>Instances whose outbox was left for later (depth reached, or a failure): the sweeper drains them.</summary>
    public Channel<DeferredOutbox> Deferred { get; } = Channel.CreateUnbounded<DeferredOutbox>();

    /// <summary>Leaves an instance's outbox to the sweeper, not to be tried before <paramref name="notBefore"/>.</summary>
    public void Defer(string instanceId, DateTimeOffset notBefore) => Deferred.Writer.TryWrite(new(instanceId, notBefore, 0));

    /// <summary>
    /// Carries out everything in an instance's outbox, in order; says what is left for later. <paramref name="atOnce"/>
    /// tries effects waiting for their next attempt now (an administrator's purge asks now, once).
    /// </summary>
    public Task<OutboxProgress> DispatchPendingAsync(string instanceId, bool atOnce, CancellationToken ct) =>
        CarryOutAsync(instanceId, null, 0, atOnce, ct);

    /// <summary>
    /// Carries out an instance's whole outbox as it stands after <paramref name="step"/> committed (null: as the sweeper
    /// finds it), so that what earlier steps left there (an effect backing off, another host's step) goes first; reading it
    /// back costs one request. While this host's turn for the instance is another dispatcher's, the outbox is left to it
    /// (<see cref="OutboxProgress.HandedOver"/>); the holder reads it again until nobody asked, then, all done, drops the
    /// marks of the steps it carried out for. <paramref name="whole"/>, when given, is the outbox as the caller knows it
    /// to stand (the rows the step that created the instance just committed): it is not read back the first time.
    /// </summary>
    public async Task<OutboxProgress> CarryOutAsync(string instanceId, long? step, int depth, bool atOnce, CancellationToken ct, IReadOnlyList<OutboxItem>? whole = null)
    {
        if (!_turns.TryTake(instanceId, step))
        {
            return OutboxProgress.HandedOver;
        }

        List<long> steps = step is { } own ? [own] : [];
        var released = false;
        OutboxProgress progress;
        try
        {
            do
            {
                var items = whole ?? await runtime.Store.ReadOutboxAsync(instanceId, ct);
                whole = null;
                progress = await DispatchAsync(instanceId, atOnce ? [.. items.Select(i => i with { NextAttemptAt = null })] : items, depth, ct);
            }
            while (progress.IsDone && !(released = _turns.TryRelease(instanceId, steps)));
        }
        finally
        {
            if (!released)
            {
                _turns.Release(instanceId); // what is left is deferred by the caller: the sweeper reads the outbox whole
            }
        }

        if (progress.IsDone)
        {
            foreach (var done in steps.Distinct())
            {
                // The key is that step's: no other step's mark can go with it.
                await runtime.Store.Marks.DeleteAsync(PendingMarks.OutboxKey(instanceId, done), ETag.All, ct);
            }
        }

        return progress;
    }

    /// <summary>
    /// Carries out the items in order and deletes the rows of those done; stops at the first that cannot be done now
    /// (it failed and waits for its next attempt, or a chain of deliveries went deeper than inline dispatch goes) and
    /// says when to try the rest again.
    /// </summary>
    public async Task<OutboxProgress> DispatchAsync(string instanceId, IReadOnlyList<OutboxItem> items, int depth, CancellationToken ct)
    {
        var done = new List<OutboxItem>(items.Count);
        try
        {
            foreach (var item in items)
            {
                var now = runtime.Time.GetUtcNow();
                if (item.Kind == OutboxKind.SendEvent && depth >= runtime.Options.InlineDispatchDepth)
                {
                    return OutboxProgress.Later(now);
                }

                if (item.NextAttemptAt is { } next && next > now)
                {
                    return OutboxProgress.Later(next); // backing off: later items wait, so that order holds
                }

                switch (await AttemptAsync(instanceId, item, depth, ct))
                {
                    case EffectSettled.CarriedOut:
                        done.Add(item);
                        break;
                    case EffectSettled.RowRemoved:
                        break;
                    default:
                        return OutboxProgress.Later(runtime.Time.GetUtcNow() + EffectAttempts.Delay(item.Attempts + 1, runtime.Options));
                }
            }

            return OutboxProgress.Done;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The outbox's own bookkeeping failed (the instance's partition did not answer): nothing is counted against the effect.
            logger.LogWarning(ex, "Outbox of {InstanceId} left for later after a failure", instanceId);
            return OutboxProgress.Later(runtime.Time.GetUtcNow() + runtime.Options.EffectRetryDelay);
        }
        finally
        {
            await DeleteDoneAsync(instanceId, done);
        }
    }

    /// <summary>
    /// Deletes the rows of the effects carried out, each only if it is still the row read (its ETag). One found gone or
    /// changed was carried out, or tried, by a dispatcher of another host at the same time: it is deleted all the same
    /// (done is done), and logged, since both sent it.
    /// </summary>
    private async Task DeleteDoneAsync(string instanceId, List<OutboxItem> done)
    {
        foreach (var chunk in done.Chunk(Storage.Commit.MaxOperations))
        {
            var actions = chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, i.RowKey), IfMatch(i)));
            try
            {
                await runtime.Store.Table.SubmitTransactionAsync(actions, CancellationToken.None);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
            {
                logger.LogInformation("Outbox of {InstanceId}: another host's dispatcher carried out or tried some of the same effects at the same time", instanceId);
                await runtime.Store.DeleteRowsAsync(instanceId, chunk.Select(i => i.RowKey), CancellationToken.None);
            }
        }
    }

    private static ETag IfMatch(OutboxItem item) => item.ETag == default ? ETag.All : item.ETag;

    /// <summary>One attempt at an effect; a failure is counted on its row, or gives the effect up when storage refused it for good.</summary>
    private async Task<EffectSettled> AttemptAsync(string instanceId, OutboxItem item, int depth, CancellationToken ct)
    {
        try
        {
            return await CarryOutEffectAsync(instanceId, item, depth, ct) ? EffectSettled.CarriedOut : EffectSettled.RowRemoved;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (item.Kind == OutboxKind.SendMessage)
            {
                _created.TryRemove(item.Target, out _); // a queue deleted since it was created is created again
            }

            var attempts = item.Attempts + 1;
            var error = EffectAttempts.Describe(ex);
            if (EffectAttempts.IsRefusal(ex))
            {
                var reason = $"{EffectAttempts.What(item)} refused by storage, not tried again: {error}";
                logger.LogError(ex, "Effect of {InstanceId} given up: {Reason}", instanceId, reason);
                RuntimeTelemetry.EffectsGivenUp.Add(1, new KeyValuePair<string, object?>("kind", item.Kind.ToString()));
                return await GiveUpAsync(instanceId, item, attempts, reason, ct);
            }

            // A failure that may pass (5xx, 408, 429, the network) is tried again for as long as it lasts, never given up:
            // an outage must not lose a timer or a read-model row. Warned at the 1st, 2nd, 4th, 8th… failed attempt.
            var next = runtime.Time.GetUtcNow() + EffectAttempts.Delay(attempts, runtime.Options);
            if (EffectAttempts.IsWarned(attempts))
            {
                logger.LogWarning(ex, "Effect of {InstanceId} failed {Attempts} times; tried again at {Next:O}: {What}", instanceId, attempts, next, EffectAttempts.What(item));
            }

            await runtime.Store.RecordAttemptAsync(EffectAttempts.Failed(instanceId, item, attempts, next, error), ct);
            return EffectSettled.Failed;
        }
    }

    /// <summary>An effect given up is recorded in its instance's history, in the step that removes its row; an event, on the sender as <see cref="Deciders.DeliveryFailed"/> when it takes it.</summary>
    private async Task<EffectSettled> GiveUpAsync(string instanceId, OutboxItem item, int attempts, string reason, CancellationToken ct)
    {
        if (item.Kind == OutboxKind.SendEvent)
        {
            return await runtime.RecordDeliveryFailureAsync(instanceId, item, reason, attempts, ct) ? EffectSettled.CarriedOut : EffectSettled.RowRemoved;
        }

        await runtime.RecordGivenUpAsync(instanceId, item, attempts, reason, ct);
        return EffectSettled.RowRemoved;
    }

    /// <summary>Carries out one effect; false when its row was settled otherwise (a recorded delivery failure).</summary>
    private async Task<bool> CarryOutEffectAsync(string instanceId, OutboxItem item, int depth, CancellationToken ct)
    {
        switch (item.Kind)
        {
            case OutboxKind.SetTimer:
                await runtime.TimerIndex.SetAsync(instanceId, item, ct);
                runtime.TimerSignal.Notify(item.DueAt!.Value);
                return true;
            case OutboxKind.ClearTimer:
                await runtime.TimerIndex.ClearAsync(item.Target, ct);
                return true;
            case OutboxKind.Project when item.Target == ReadModels.ReadModelNames.InstanceIndex:
                await runtime.InstanceList.WriteAsync(instanceId, item, ct);
                return true;
            case OutboxKind.Project:
                if (await runtime.Projections.WriteAsync(instanceId, item, ct) && item.Payload is null)
                {
                    // A tombstone keeps late copies out; once none can come any more, its collection, due then, removes it.
                    var tombstone = new ReadModels.TombstoneCollection(item.Target, item.Name!, item.Id!, ReadModels.ProjectionWriter.StampOf(instanceId, item));
                    await runtime.TimerIndex.SetAsync(tombstone, runtime.Time.GetUtcNow() + runtime.Options.TombstoneRetention, ct);
                }

                return true;
            case OutboxKind.SendMessage:
                var queue = await QueueAsync(item.Target, ct);
                await queue.SendMessageAsync(Encode(item.Payload ?? []), ct);
                return true;
            default:
                var outcome = await runtime.DeliverAsync(instanceId, item, depth + 1, ct);
                var failure = outcome.Result switch
                {
                    RaiseResult.NotFound => $"Instance '{item.Target}' does not exist.",
                    RaiseResult.Finished => outcome.Reason ?? $"Instance '{item.Target}' has ended ({outcome.Status?.RuntimeStatus}).",
                    RaiseResult.Invalid or RaiseResult.Rejected => $"Instance '{item.Target}' refused '{item.Name}': {outcome.Reason}",
                    _ => null,
                };
                return failure is null || await runtime.RecordDeliveryFailureAsync(instanceId, item, failure, 0, ct);
        }
    }

    private string Encode(byte[] body) => runtime.Options.MessageEncoding == MessageEncoding.Base64
        ? Convert.ToBase64String(body)
        : Encoding.UTF8.GetString(body);

    /// <summary>A queue client, its queue created once per process; a creation that failed is tried again next time.</summary>
    private async Task<QueueClient> QueueAsync(string name, CancellationToken ct)
    {
        var creating = _created.GetOrAdd(name, n => queues.GetQueueClient(n).CreateIfNotExistsAsync());
        try
        {
            await creating.WaitAsync(ct);
        }
        catch (Exception) when (creating.IsFaulted || creating.IsCanceled)
        {
            _created.TryRemove(KeyValuePair.Create(name, creating));
            throw;
        }

        return queues.GetQueueClient(name);
    }

    private enum EffectSettled
    {
        /// <summary>Done: the dispatcher deletes its row.</summary>
        CarriedOut,

        /// <summary>Settled by a step that removed its row (a delivery failure or a given-up effect in the history).</summary>
        RowRemoved,

        /// <summary>Failed; counted on its row, to be tried again.</summary>
        Failed,
    }
}
