using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Timers;

/// <summary>
/// Fires durable timers when they come due. It sleeps until the earliest pending timer, wakes early when
/// this host schedules an earlier one, and otherwise re-reads the index only every
/// <see cref="RuntimeOptions.TimerRefreshInterval"/>: one small query per interval while idle.
/// </summary>
public sealed class TimerPoller(WorkflowRuntime runtime, ILogger<TimerPoller> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Firing due timers failed; retrying in {Delay}", WorkflowRuntime.TimerRetryDelay);
                wake = now + WorkflowRuntime.TimerRetryDelay;
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
