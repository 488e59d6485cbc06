using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Azure.Storage.Queues;
using Guichet.Runtime.Instances;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Outbox;

/// <summary>
/// Carries out committed effects in order, then deletes their outbox rows. Every effect is idempotent, so a
/// crash between carrying one out and deleting its row only repeats it harmlessly. What cannot be done now
/// is left in the outbox for the sweeper; an event to an instance that does not exist or has ended is
/// recorded in the sender's history instead of being dropped.
/// </summary>
internal sealed class OutboxDispatcher(WorkflowRuntime runtime, QueueServiceClient queues, ILogger logger)
{
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    /// <summary>Instances whose outbox was left for later (depth reached, or a failure): the sweeper drains them.</summary>
    public Channel<string> Deferred { get; } = Channel.CreateUnbounded<string>();

    /// <summary>Leaves an instance's outbox to the sweeper.</summary>
    public void Defer(string instanceId) => Deferred.Writer.TryWrite(instanceId);

    /// <summary>Carries out everything in an instance's outbox, in order; false when some of it is left for later.</summary>
    public async Task<bool> DispatchPendingAsync(string instanceId, CancellationToken ct) =>
        await DispatchAsync(instanceId, await runtime.Store.ReadOutboxAsync(instanceId, ct), 0, ct);

    /// <summary>
    /// Carries out the items in order and deletes the rows of those done; stops at the first that cannot be
    /// done now (a failure, or a chain of deliveries deeper than inline dispatch goes) and returns false.
    /// </summary>
    public async Task<bool> DispatchAsync(string instanceId, IReadOnlyList<OutboxItem> items, int depth, CancellationToken ct)
    {
        var done = new List<string>(items.Count);
        try
        {
            foreach (var item in items)
            {
                if (item.Kind == OutboxKind.SendEvent && depth >= runtime.Options.InlineDispatchDepth)
                {
                    return false;
                }

                if (await CarryOutAsync(instanceId, item, depth, ct))
                {
                    done.Add(item.RowKey);
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Outbox of {InstanceId} left for later after a failure", instanceId);
            return false;
        }
        finally
        {
            await runtime.Store.DeleteRowsAsync(instanceId, done, CancellationToken.None);
        }
    }

    /// <summary>Carries out one effect; false when its row was settled otherwise (a recorded delivery failure).</summary>
    private async Task<bool> CarryOutAsync(string instanceId, OutboxItem item, int depth, CancellationToken ct)
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
            case OutboxKind.Project:
                await runtime.Projections.WriteAsync(instanceId, item, ct);
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
                    RaiseResult.Finished => $"Instance '{item.Target}' has ended ({outcome.Status?.RuntimeStatus}).",
                    RaiseResult.Invalid or RaiseResult.Rejected => $"Instance '{item.Target}' refused '{item.Name}': {outcome.Reason}",
                    _ => null,
                };
                return failure is null || await runtime.RecordDeliveryFailureAsync(instanceId, item, failure, ct);
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
}
