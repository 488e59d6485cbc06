using System.Collections.Concurrent;
using Guichet.Runtime.Timers;
using Guichet.Runtime.Instances;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    private const int TimerBatch = 100;
    private const int TimerConcurrency = 16;
    private const int MaxTimerPasses = 64;

    /// <summary>How soon a timer whose firing failed is tried again the first time; the wait doubles with each failure.</summary>
    public static readonly TimeSpan TimerRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait before a timer whose firing keeps failing (or a poller whose reads keep failing) tries again.</summary>
    public static readonly TimeSpan MaxTimerRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>This host's back-off per timer whose firing failed: how many times in a row, and not before when again.</summary>
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset NotBefore)> _timerBackOff = new(StringComparer.Ordinal);

    /// <summary>The wait after <paramref name="failures"/> failures in a row: <see cref="TimerRetryDelay"/> doubled each time, capped.</summary>
    public static TimeSpan TimerBackOff(int failures) =>
        TimeSpan.FromTicks(Math.Min(TimerRetryDelay.Ticks << Math.Clamp(failures - 1, 0, 20), MaxTimerRetryDelay.Ticks));

    /// <summary>
    /// How long a timer re-armed by its own firing at or before the time it was due waits, so that a timer that re-arms
    /// itself "now" fires at most once per step instead of in a tight loop; timers armed ahead of time never wait it.
    /// </summary>
    public static readonly TimeSpan TimerMinimumStep = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Fires every durable timer due now, once each across all hosts (the firing is de-duplicated by timer
    /// id), and returns when the next timer is due, or null when none is pending. The timers of one instance fire in due
    /// order: one whose firing fails for a reason that may pass (storage trouble) holds back the later ones of its
    /// instance, and is tried again with back-off (<see cref="TimerRetryDelay"/> doubling to
    /// <see cref="MaxTimerRetryDelay"/>) while other instances' timers go on; one whose firing can never succeed
    /// (storage refused it for good, its row cannot be read) is recorded in its instance's history as a
    /// <see cref="Instances.HistoryKind.Rejected"/> entry with the reason and consumed. A timer that a firing of this call
    /// re-armed at or before its due time is left to the next call, <see cref="TimerMinimumStep"/> later. This is the whole
    /// of the timer work, so a one-shot command can run it while the app is scaled to zero.
    /// </summary>
    public async Task<DateTimeOffset?> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var round = new TimerRound();
        for (var pass = 0; pass < MaxTimerPasses; pass++)
        {
            var now = Time.GetUtcNow();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var (due, next) = await DueTimersAsync(now, round, seen, cancellationToken);
            if (due.Count == 0)
            {
                // Every due row was seen: a timer backing off whose row is gone (another host fired it) is forgotten.
                foreach (var gone in _timerBackOff.Keys.Where(k => !seen.Contains(k)).ToList())
                {
                    _timerBackOff.TryRemove(gone, out _);
                }

                var retry = _timerBackOff.IsEmpty ? (DateTimeOffset?)null : _timerBackOff.Values.Min(b => b.NotBefore);
                return Earliest(Earliest(next, retry is { } r && r < now ? now : retry), round.DeferredUntil);
            }

            // Instances fire side by side; the timers of one instance, in due order, none past one that failed.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = TimerConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(due.GroupBy(t => t.OrderGroup, StringComparer.Ordinal), parallel, async (timers, ct) =>
            {
                foreach (var timer in timers)
                {
                    if (!await TryFireAsync(timer, ct))
                    {
                        round.Failed(timer);
                        break;
                    }

                    round.Fired(timer);
                }
            });

            // Firing may have scheduled new timers (a monthly cycle schedules the next month): read again.
        }

        // Timers that keep scheduling timers due at once: this call stops here, and the next goes on.
        return Time.GetUtcNow();
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a < b ? a : b;

    /// <summary>
    /// Up to a batch of due timers, in due order, without those that failed in this call or are backing off, those
    /// this call re-armed at once, and any later timer of their instances; and the next due time when the read reached it.
    /// </summary>
    private async Task<(List<DueTimer> Due, DateTimeOffset? Next)> DueTimersAsync(DateTimeOffset now, TimerRound round, HashSet<string> seen, CancellationToken ct)
    {
        var due = new List<DueTimer>();
        var held = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var timer in TimerIndex.FromEarliestAsync(ct))
        {
            if (timer.DueAt > now)
            {
                return (due, timer.DueAt);
            }

            seen.Add(timer.RowKey);
            var waits = held.Contains(timer.OrderGroup) || round.HasFailed(timer)
                || (_timerBackOff.TryGetValue(timer.RowKey, out var backOff) && backOff.NotBefore > now)
                || round.Defers(timer, now, TimerMinimumStep);
            if (waits)
            {
                held.Add(timer.OrderGroup);
                continue;
            }

            due.Add(timer);
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
            }
            else
            {
                var outcome = await FireTimerAsync(timer, ct);
                await TimerIndex.ClearAsync(timer.RowKey, ct);
                RuntimeTelemetry.TimersFired.Add(1);
                _logger.LogDebug("Timer {Timer} of {InstanceId} due {DueAt:O}: {Result}", timer.Name, timer.InstanceId, timer.DueAt, outcome.Result);
            }

            _timerBackOff.TryRemove(timer.RowKey, out _);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (timer.Tombstone is null && !IsTransient(ex) && await TryRecordNotFiredAsync(timer, ex, ct))
            {
                _timerBackOff.TryRemove(timer.RowKey, out _);
                return true;
            }

            var failures = (_timerBackOff.TryGetValue(timer.RowKey, out var before) ? before.Failures : 0) + 1;
            var wait = TimerBackOff(failures);
            _timerBackOff[timer.RowKey] = (failures, Time.GetUtcNow() + wait);
            _logger.LogError(ex, "Timer {Timer} of {InstanceId} due {DueAt:O} could not fire ({Failures} failures in a row); trying again in {Delay}", timer.Name, timer.InstanceId, timer.DueAt, failures, wait);
            return false;
        }
    }

    /// <summary>Whether a failure may pass: storage trouble other than a lasting refusal, a timeout, the network.</summary>
    private static bool IsTransient(Exception ex) => ex switch
    {
        Azure.RequestFailedException => !Outbox.EffectAttempts.IsRefusal(ex),
        TimeoutException or HttpRequestException or IOException or TaskCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// A timer whose firing can never succeed is recorded in its instance's history as not applied, with the reason,
    /// leaves its pending timers and its row goes: it is neither retried for ever nor dropped silently. False when even
    /// that failed (the timer then backs off like any failure).
    /// </summary>
    private async Task<bool> TryRecordNotFiredAsync(DueTimer timer, Exception ex, CancellationToken ct)
    {
        var reason = $"Timer '{timer.Name}' due {timer.DueAt:O} could not fire and is not tried again: {Outbox.EffectAttempts.Describe(ex)}";
        try
        {
            await RunStepAsync(timer.InstanceId, null, record => new(PlannerFor(record).TimerNotFired(record, timer, reason), RaiseResult.Rejected, reason), 0, ct);
            await TimerIndex.ClearAsync(timer.RowKey, ct);
            _logger.LogError(ex, "Timer {Timer} of {InstanceId} due {DueAt:O} recorded as not fired: {Reason}", timer.Name, timer.InstanceId, timer.DueAt, reason);
            return true;
        }
        catch (Exception recording) when (recording is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogError(recording, "Timer {Timer} of {InstanceId} could not be recorded as not fired", timer.Name, timer.InstanceId);
            return false;
        }
    }
}
