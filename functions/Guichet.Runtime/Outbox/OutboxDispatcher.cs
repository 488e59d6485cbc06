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
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    /// <summary>Instances whose outbox was left for later (depth reached, or a failure): the sweeper drains them first.</summary>
    public Channel<string> Deferred { get; } = Channel.CreateUnbounded<string>();

    public async Task DispatchPendingAsync(string instanceId, CancellationToken ct) =>
        await DispatchAsync(instanceId, await runtime.Store.ReadOutboxAsync(instanceId, ct), 0, ct);

    public async Task DispatchAsync(string instanceId, IReadOnlyList<OutboxItem> items, int depth, CancellationToken ct)
    {
        var done = new List<string>(items.Count);
        try
        {
            foreach (var item in items)
            {
                if (item.Kind == OutboxKind.SendEvent && depth >= runtime.Options.InlineDispatchDepth)
                {
                    Deferred.Writer.TryWrite(instanceId);
                    break;
                }

                if (await CarryOutAsync(instanceId, item, depth, ct))
                {
                    done.Add(item.RowKey);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Outbox of {InstanceId} left for the sweeper after a failure", instanceId);
            Deferred.Writer.TryWrite(instanceId);
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
            case OutboxKind.SendMessage:
                var queue = await QueueAsync(item.Target, ct);
                await queue.SendMessageAsync(Encode(item.Payload ?? []), ct);
                return true;
            default:
                var outcome = await runtime.DeliverAsync(instanceId, item, depth + 1, ct);
                if (outcome.Result is RaiseResult.NotFound or RaiseResult.Finished)
                {
                    await runtime.RecordDeliveryFailureAsync(instanceId, item, outcome.Result == RaiseResult.NotFound
                        ? $"Instance '{item.Target}' does not exist."
                        : $"Instance '{item.Target}' has ended ({outcome.Status?.RuntimeStatus}).", ct);
                    return false;
                }

                return true;
        }
    }

    private string Encode(byte[] body) => runtime.Options.MessageEncoding == MessageEncoding.Base64
        ? Convert.ToBase64String(body)
        : Encoding.UTF8.GetString(body);

    private Task<QueueClient> QueueAsync(string name, CancellationToken ct) =>
        _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: ct);
            return client;
        })).Value;
}
