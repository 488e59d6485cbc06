using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Guichet.Domain;
using Guichet.Runtime;
using Guichet.Runtime.Storage;

namespace Guichet.Host.Placement;

/// <summary>
/// One blob lease per device (<c>{hub}-matching/{device}</c>): the matching of a device runs under it, so that two
/// vacancies matched at once, on one host or two, never read the same waiting list and propose the same dossier.
/// The dossier's own decider remains the last word (invariant 3); the lease makes its refusals rare.
/// </summary>
internal sealed class DeviceLease
{
    // Long enough for a matching (read the list, rank, one step); a host that dies holding it frees it after this.
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    // The wait between two attempts is wall-clock: the lease expires on the storage's clock, not the host's.
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);
    private const int MaxAttempts = 600;

    private readonly BlobContainerClient _container;
    private volatile bool _ready;

    public DeviceLease(StorageClients storage, RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _container = storage.Blobs.GetBlobContainerClient(options.HubName.ToLowerInvariant() + "-matching");
    }

    /// <summary>Runs <paramref name="work"/> holding the device's lease; throws when it cannot be had in a minute (the queue retries).</summary>
    public async Task<T> RunAsync<T>(Device device, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var blob = _container.GetBlobClient(WireName.Of(device).ToLowerInvariant());
        await EnsureAsync(blob, cancellationToken);
        var lease = blob.GetBlobLeaseClient();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                await lease.AcquireAsync(Duration, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                await Task.Delay(Retry, TimeProvider.System, cancellationToken);
                continue;
            }

            using var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewal = RenewAsync(lease, holding.Token);
            try
            {
                return await work(cancellationToken);
            }
            finally
            {
                await holding.CancelAsync();
                await renewal;
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
        }

        throw new TimeoutException($"The matching lease of {WireName.Of(device)} stayed taken for a minute.");
    }

    /// <summary>
    /// Renews the lease every third of its duration while the work runs: a matching of a long list can outlast it
    /// (50,000 dossiers read and ranked on a loaded machine did), and another matching must not start meanwhile.
    /// </summary>
    private static async Task RenewAsync(BlobLeaseClient lease, CancellationToken holding)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Duration / 3, TimeProvider.System, holding);
                await lease.RenewAsync(cancellationToken: holding);
            }
        }
        catch (OperationCanceledException) when (holding.IsCancellationRequested)
        {
            // The work ended: the lease is released next.
        }
    }

    private async Task EnsureAsync(BlobClient blob, CancellationToken ct)
    {
        if (!_ready)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
            _ready = true;
        }

        if (!await blob.ExistsAsync(ct))
        {
            try
            {
                await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another host made it first.
            }
        }
    }
}
