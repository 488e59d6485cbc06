using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Outbox;

/// <summary>
/// Carries out effects that were committed but not carried out: at start (a crash before this start), every
/// <see cref="RuntimeOptions.OutboxSweepInterval"/> (another host's crash), and at once for outboxes this
/// host deferred.
/// </summary>
public sealed class OutboxSweeper(WorkflowRuntime runtime, ILogger<OutboxSweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var swept = await runtime.SweepOutboxAsync(stoppingToken);
                if (swept > 0)
                {
                    logger.LogInformation("Outbox sweep carried out the effects of {Count} instances", swept);
                }

                var next = runtime.Time.GetUtcNow() + runtime.Options.OutboxSweepInterval;
                while (await runtime.DrainDeferredAsync(next, stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox sweep failed; trying again next interval");
                await Task.Delay(runtime.Options.OutboxSweepInterval, runtime.Time, stoppingToken);
            }
        }
    }
}
