using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Outbox;

/// <summary>
/// Carries out effects committed but not carried out: at start (this host crashed before), and for the outboxes this
/// host deferred (a chain of deliveries deeper than inline dispatch goes, or a failure), at once or when their next
/// attempt is due. The periodic sweep for other hosts' crashes is the scheduled job's (<see cref="Schedules.DueWorkRunner"/>),
/// which runs whether the app is scaled to zero or not; while idle this listener makes no storage request.
/// </summary>
public sealed class OutboxSweeper(WorkflowRuntime runtime, ILogger<OutboxSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    /// <summary>Rounds this host gives an outbox that keeps failing before it leaves it to the scheduled job (which sweeps each minute).</summary>
    private const int MaxRounds = 16;

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
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Outbox sweep at start failed; the scheduled job sweeps again");
        }

        try
        {
            await foreach (var deferred in runtime.Dispatcher.Deferred.Reader.ReadAllAsync(stoppingToken))
            {
                var next = deferred.NotBefore > runtime.Time.GetUtcNow() ? deferred : await TryDispatchAsync(deferred, stoppingToken);
                if (next is not null)
                {
                    _ = RetryLaterAsync(next, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Carries out the outbox; returns when to come back, or null when it is done or left to the scheduled job. A storage
    /// error is logged and tried again with back-off: it never ends this service, nor the host with it.
    /// </summary>
    private async Task<DeferredOutbox?> TryDispatchAsync(DeferredOutbox deferred, CancellationToken ct)
    {
        var now = runtime.Time.GetUtcNow();
        var round = deferred.Tries + 1;
        if (round > MaxRounds)
        {
            // A lasting failure: the effect keeps its count and next attempt on its row, which the job honours each minute.
            logger.LogError("Outbox of {InstanceId} still not carried out after {Rounds} rounds; left to the scheduled job's sweep", deferred.InstanceId, deferred.Tries);
            return null;
        }

        try
        {
            var progress = await runtime.CarryOutPendingAsync(deferred.InstanceId, ct);
            return progress.RetryAt is { } at ? deferred with { NotBefore = Later(at, now + RetryAfterFailure), Tries = round } : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var wait = TimeSpan.FromTicks(Math.Min(RetryAfterFailure.Ticks << Math.Min(deferred.Tries, 16), LongestWait.Ticks));
            logger.LogWarning(ex, "Outbox of {InstanceId} could not be read; tried again in {Delay}", deferred.InstanceId, wait);
            return deferred with { NotBefore = now + wait, Tries = round };
        }
    }

    /// <summary>An outbox that could not be carried out waits before it is tried again, so a lasting failure never spins.</summary>
    private async Task RetryLaterAsync(DeferredOutbox deferred, CancellationToken ct)
    {
        try
        {
            var wait = deferred.NotBefore - runtime.Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, runtime.Time, ct);
            }

            runtime.Dispatcher.Deferred.Writer.TryWrite(deferred with { NotBefore = runtime.Time.GetUtcNow() });
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
