using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Timers;

/// <summary>
/// Fires durable timers when they come due. It sleeps until the earliest pending timer, wakes early when
/// this host schedules an earlier one, and otherwise re-reads the index only every
/// <see cref="RuntimeOptions.TimerRefreshInterval"/>: one small query per interval while idle. A failed read of the
/// index is tried again after a wait that doubles with each failure in a row (<see cref="WorkflowRuntime.TimerBackOff"/>),
/// on <see cref="WorkflowRuntime.Time"/>.
/// </summary>
public sealed class TimerPoller(WorkflowRuntime runtime, ILogger<TimerPoller> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = runtime.Time.GetUtcNow();
            var wake = now + runtime.Options.TimerRefreshInterval;
            try
            {
                if (await runtime.FireDueTimersAsync(stoppingToken) is { } next && next < wake)
                {
                    wake = next;
                }

                failures = 0;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The index could not be read: wait longer after each failure in a row, so a lasting outage never spins.
                var delay = WorkflowRuntime.TimerBackOff(++failures);
                logger.LogError(ex, "Firing due timers failed ({Failures} times in a row); retrying in {Delay}", failures, delay);
                wake = now + delay;
            }

            try
            {
                await runtime.TimerSignal.WaitAsync(wake, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
