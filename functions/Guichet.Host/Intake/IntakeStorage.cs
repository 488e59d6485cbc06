using Azure.Storage.Queues;
using Guichet.Domain.Dossiers;

namespace Guichet.Host.Intake;

/// <summary>
/// Creates what the intake writes to before its trigger listens: its tables (keys, identity index, rejections) and
/// the queues it and the dossiers send to (<c>dossiers-intake-rejected</c>, <c>dossier-events</c>), which no trigger of
/// this host listens to, so nothing else creates them for their readers. Storage that does not answer does not stop the
/// host: creation is tried again in the background with back-off, and a message handled meanwhile is retried.
/// </summary>
internal sealed class IntakeStorage(IntakeKeys keys, IdentityIndex index, IntakeRejections rejections, QueueServiceClient queues, TimeProvider time, ILogger<IntakeStorage> logger, CancellationToken stopping) : IHostedService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryCreateAsync(cancellationToken))
        {
            _ = RetryAsync(stopping);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RetryAsync(CancellationToken ct)
    {
        for (var wait = TimeSpan.FromSeconds(1); !ct.IsCancellationRequested; wait = wait * 2 < LongestWait ? wait * 2 : LongestWait)
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!ct.IsCancellationRequested && await TryCreateAsync(ct))
            {
                return;
            }
        }
    }

    private async Task<bool> TryCreateAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(
                keys.Table.CreateIfNotExistsAsync(ct),
                index.Table.CreateIfNotExistsAsync(ct),
                rejections.Table.CreateIfNotExistsAsync(ct),
                rejections.QueueClient.CreateIfNotExistsAsync(cancellationToken: ct),
                queues.GetQueueClient(DossierStatusChanged.Queue).CreateIfNotExistsAsync(cancellationToken: ct));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The intake's tables and queues could not be created; trying again with back-off");
            return false;
        }
    }
}
