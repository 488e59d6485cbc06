using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Schedules;

/// <summary>
/// The one-shot mode, for a scheduled job while the app is scaled to zero: runs every timer trigger whose
/// latest occurrence is not recorded, fires the durable timers due, sweeps the outbox, and returns.
/// </summary>
public sealed class DueWorkRunner(IEnumerable<TimerTrigger> triggers, WorkflowRuntime runtime, ILogger<DueWorkRunner> logger)
{
    /// <summary>Runs all due timer work once; every part is attempted, and the failures are thrown together at the end.</summary>
    public async Task<DueWorkReport> RunDueOnceAsync(CancellationToken cancellationToken = default)
    {
        await runtime.InitializeAsync(cancellationToken);
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
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timer {Timer} failed in the one-shot run", trigger.Name);
                failures.Add(ex);
            }
        }

        var next = await runtime.FireDueTimersAsync(cancellationToken);
        var swept = await runtime.SweepOutboxAsync(cancellationToken);
        logger.LogInformation("One-shot run: timers fired {Fired}; outboxes swept {Swept}; next durable timer {Next:O}", string.Join(", ", fired), swept, next);
        return failures.Count == 0
            ? new DueWorkReport(fired, next, swept)
            : throw new AggregateException("Some timer triggers failed in the one-shot run.", failures);
    }
}
