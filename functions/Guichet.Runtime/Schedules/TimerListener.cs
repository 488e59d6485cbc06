using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Schedules;

/// <summary>
/// Runs a timer trigger in a host: catches up a missed occurrence at start, then sleeps on the clock until each
/// occurrence after the start and fires it. Waiting costs no storage request; an occurrence that passed while a
/// firing ran long is skipped, not queued, but one that passed while the host started (the catch-up reading
/// storage) still fires.
/// </summary>
public sealed class TimerListener(TimerTrigger trigger, TimeProvider time, ILogger<TimerListener> logger) : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromDays(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Read before the catch-up: it looks at occurrences up to the moment it starts, and a first storage
            // request can take seconds, so an occurrence due meanwhile would belong to neither.
            var after = time.GetUtcNow();
            await GuardAsync(() => trigger.CatchUpAsync(stoppingToken), stoppingToken);
            while (trigger.Schedule.Next(after) is { } next)
            {
                await SleepUntilAsync(next, stoppingToken);
                await GuardAsync(() => trigger.FireAsync(next, isCatchUp: false, stoppingToken), stoppingToken);
                var now = time.GetUtcNow();
                after = now > next ? now : next;
            }

            logger.LogWarning("Timer {Timer}: schedule {Schedule} has no further occurrence", trigger.Name, trigger.Schedule);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sleeps in steps of at most a day (a clock timer's limit is about 49 days).</summary>
    private async Task SleepUntilAsync(DateTimeOffset until, CancellationToken ct)
    {
        for (var wait = until - time.GetUtcNow(); wait > TimeSpan.Zero; wait = until - time.GetUtcNow())
        {
            await Task.Delay(wait < LongestSleep ? wait : LongestSleep, time, ct);
        }
    }

    private async Task GuardAsync(Func<Task<TimerFireResult>> fire, CancellationToken ct)
    {
        try
        {
            await fire();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Timer {Timer} failed; its occurrence stays unrecorded for a catch-up", trigger.Name);
        }
    }
}
