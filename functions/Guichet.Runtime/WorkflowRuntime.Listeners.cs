using System.Collections.Concurrent;
using Guichet.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    private const int TimerBatch = 100;
    private const int TimerConcurrency = 16;
    private const int MaxTimerPasses = 64;

    /// <summary>How soon a timer whose firing failed is tried again.</summary>
    public static readonly TimeSpan TimerRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Fires every durable timer due now, once each across all hosts (the firing is de-duplicated by timer
    /// id), and returns when the next timer is due, or null when none is pending. A timer whose firing fails
    /// (storage trouble, an instance newer than this code) is skipped, so that it holds up no other, and is
    /// tried again after <see cref="TimerRetryDelay"/>. This is the whole of the timer work, so a one-shot
    /// command can run it while the app is scaled to zero.
    /// </summary>
    public async Task<DateTimeOffset?> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var failed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        for (var pass = 0; pass < MaxTimerPasses; pass++)
        {
            var now = Time.GetUtcNow();
            var (due, next) = await DueTimersAsync(now, failed, cancellationToken);
            if (due.Count == 0)
            {
                var retry = now + TimerRetryDelay;
                return failed.IsEmpty || next < retry ? next : retry;
            }

            // Instances fire side by side; the timers of one instance, in due order.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = TimerConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(due.GroupBy(t => t.InstanceId, StringComparer.Ordinal), parallel, async (timers, ct) =>
            {
                foreach (var timer in timers)
                {
                    if (!await TryFireAsync(timer, ct))
                    {
                        failed[timer.RowKey] = true;
                    }
                }
            });

            // Firing may have scheduled new timers (a monthly cycle schedules the next month): read again.
        }

        // Timers that keep scheduling timers due at once: this call stops here, and the next goes on.
        return Time.GetUtcNow();
    }

    /// <summary>Up to a batch of due timers not already failed in this pass, and the next due time when the read reached it.</summary>
    private async Task<(List<DueTimer> Due, DateTimeOffset? Next)> DueTimersAsync(DateTimeOffset now, ConcurrentDictionary<string, bool> failed, CancellationToken ct)
    {
        var due = new List<DueTimer>();
        await foreach (var timer in TimerIndex.FromEarliestAsync(ct))
        {
            if (timer.DueAt > now)
            {
                return (due, timer.DueAt);
            }

            if (!failed.ContainsKey(timer.RowKey))
            {
                due.Add(timer);
            }

            if (due.Count == TimerBatch)
            {
                break;
            }
        }

        return (due, null);
    }

    private async Task<bool> TryFireAsync(DueTimer timer, CancellationToken ct)
    {
        try
        {
            if (timer.Tombstone is { } tombstone)
            {
                await Projections.CollectAsync(tombstone, ct);
                await TimerIndex.ClearAsync(timer.RowKey, ct);
                return true;
            }

            var outcome = await FireTimerAsync(timer, ct);
            await TimerIndex.ClearAsync(timer.RowKey, ct);
            RuntimeTelemetry.TimersFired.Add(1);
            _logger.LogDebug("Timer {Timer} of {InstanceId} due {DueAt:O}: {Result}", timer.Name, timer.InstanceId, timer.DueAt, outcome.Result);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Timer {Timer} of {InstanceId} due {DueAt:O} could not fire; trying again in {Delay}", timer.Name, timer.InstanceId, timer.DueAt, TimerRetryDelay);
            return false;
        }
    }
}
