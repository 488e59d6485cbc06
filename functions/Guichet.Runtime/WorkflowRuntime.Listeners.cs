using Guichet.Runtime.Storage;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    private const int TimerBatch = 100;

    /// <summary>
    /// Fires every durable timer due now, once each across all hosts (the firing is de-duplicated by timer
    /// id), and returns when the next timer is due, or null when none is pending. This is the whole of the
    /// timer work, so a one-shot command can run it while the app is scaled to zero.
    /// </summary>
    public async Task<DateTimeOffset?> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var now = Time.GetUtcNow();
            var timers = await TimerIndex.EarliestAsync(TimerBatch, cancellationToken);
            var due = timers.TakeWhile(t => t.DueAt <= now).ToList();
            foreach (var timer in due)
            {
                var outcome = await FireTimerAsync(timer, cancellationToken);
                RuntimeTelemetry.TimersFired.Add(1);
                _logger.LogDebug("Timer {Timer} of {InstanceId} due {DueAt:O}: {Result}", timer.Name, timer.InstanceId, timer.DueAt, outcome.Result);
                await TimerIndex.ClearAsync(timer.RowKey, cancellationToken);
            }

            // Firing may have scheduled new timers (a monthly cycle schedules the next month): read again.
            if (due.Count == 0)
            {
                return timers.Count > 0 ? timers[0].DueAt : null;
            }
        }
    }

    /// <summary>
    /// Finishes what hosts that stopped abruptly left undone: carries out the outbox of every instance that
    /// still has one, and applies the buffered events of running instances. Returns how many instances it
    /// found with work left.
    /// </summary>
    public async Task<int> SweepOutboxAsync(CancellationToken cancellationToken = default)
    {
        var outboxes = await Store.InstancesWithRowsAsync(RowKeys.OutboxPrefix, cancellationToken);
        foreach (var instanceId in outboxes)
        {
            await Dispatcher.DispatchPendingAsync(instanceId, cancellationToken);
        }

        var inboxes = await Store.InstancesWithRowsAsync(RowKeys.InboxPrefix, cancellationToken);
        foreach (var instanceId in inboxes)
        {
            await DrainInboxAsync(instanceId, 0, cancellationToken);
        }

        return outboxes.Union(inboxes).Count();
    }

    internal Task RecordDeliveryFailureAsync(string instanceId, OutboxItem item, string reason, CancellationToken ct)
    {
        _logger.LogWarning("Event {EventName} from {InstanceId} not delivered: {Reason}", item.Name, instanceId, reason);
        return RunStepAsync(instanceId, null, record => new(PlannerFor(record).DeliveryFailed(record, item, reason), RaiseResult.Applied), 0, ct);
    }
}
