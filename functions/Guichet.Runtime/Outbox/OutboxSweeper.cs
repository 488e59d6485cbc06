using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Outbox;

/// <summary>
/// Carries out effects committed but not carried out: at start (this host crashed before), and at once for
/// the outboxes this host deferred (a chain of deliveries deeper than inline dispatch goes, or a failure).
/// The periodic sweep for other hosts' crashes is the scheduled job's (<see cref="Schedules.DueWorkRunner"/>),
/// which runs whether the app is scaled to zero or not; while idle this listener makes no storage request.
/// </summary>
public sealed class OutboxSweeper(WorkflowRuntime runtime, ILogger<OutboxSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var swept = await runtime.SweepOutboxAsync(stoppingToken);
            if (swept > 0)
            {
                logger.LogInformation("Outbox sweep at start finished the work of {Count} instances", swept);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Outbox sweep at start failed; the scheduled job sweeps again");
        }

        try
        {
            await foreach (var instanceId in runtime.Dispatcher.Deferred.Reader.ReadAllAsync(stoppingToken))
            {
                if (!await TryDispatchAsync(instanceId, stoppingToken))
                {
                    _ = RetryLaterAsync(instanceId, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A storage error is logged and the outbox tried again later: it never ends this service, nor the host with it.</summary>
    private async Task<bool> TryDispatchAsync(string instanceId, CancellationToken ct)
    {
        try
        {
            return await runtime.CarryOutPendingAsync(instanceId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Outbox of {InstanceId} could not be read; tried again in {Delay}", instanceId, RetryAfterFailure);
            return false;
        }
    }

    /// <summary>An outbox that could not be carried out waits before it is tried again, so a lasting failure never spins.</summary>
    private async Task RetryLaterAsync(string instanceId, CancellationToken ct)
    {
        try
        {
            await Task.Delay(RetryAfterFailure, runtime.Time, ct);
            runtime.Dispatcher.Defer(instanceId);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
