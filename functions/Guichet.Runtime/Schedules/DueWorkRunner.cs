using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Schedules;

/// <summary>
/// The one-shot mode, for the scheduled job that runs every minute, whether the app is scaled to zero or not: runs
/// every timer trigger whose latest occurrence is recent and not recorded, fires the durable timers due, finishes
/// the pending work of stopped hosts, and returns. With nothing due it costs one storage request: a trigger's
/// status is read only within <see cref="TimerTrigger.RecentWindow"/> of an occurrence, and one query of the work
/// index tells whether timers are due or work is pending.
/// </summary>
public sealed class DueWorkRunner(IEnumerable<TimerTrigger> triggers, WorkflowRuntime runtime, ILogger<DueWorkRunner> logger)
{
    /// <summary>Runs all due timer work once; every part is attempted, and the failures are thrown together at the end.</summary>
    public async Task<DueWorkReport> RunDueOnceAsync(CancellationToken cancellationToken = default)
    {
        var fired = new List<string>();
        var failures = new List<Exception>();
        foreach (var trigger in triggers)
        {
            try
            {
                if (await trigger.RunDueAsync(cancellationToken) == TimerFireResult.Fired)
                {
                    fired.Add(trigger.Name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Timer {Timer} failed in the one-shot run", trigger.Name);
                failures.Add(ex);
            }
        }

        // The runtime's tables are the host's to create: where they do not exist yet, no work is due either.
        DateTimeOffset? next = null;
        var swept = 0;
        if (await runtime.HasWorkDueAsync(cancellationToken))
        {
            next = await runtime.FireDueTimersAsync(cancellationToken);
            swept = await runtime.SweepOutboxAsync(cancellationToken);
        }

        logger.LogInformation("One-shot run: timers fired {Fired}; outboxes swept {Swept}; next durable timer {Next:O}", string.Join(", ", fired), swept, next);
        return failures.Count == 0
            ? new DueWorkReport(fired, next, swept)
            : throw new AggregateException("Some timer triggers failed in the one-shot run.", failures);
    }
}
