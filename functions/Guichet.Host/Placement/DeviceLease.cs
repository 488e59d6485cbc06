using System.Collections.Concurrent;
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
/// The dossier's own decider remains the last word (invariant 3); the lease makes its refusals rare. Within a host,
/// matchings of a device queue on a local gate first, so that only one of them asks storage for the lease.
/// </summary>
internal sealed class DeviceLease
{
    // Long enough for a matching (read the list, rank, one step); a host that dies holding it frees it after this.
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    // The waits are wall-clock: the lease expires on the storage's clock, not the host's. Another host's matching takes
    // a second or more: asking again every 100 ms cost tens of requests per matching (the placement bench), so the wait
    // doubles up to two seconds.
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    // While a wave runs on this host, the matchings queued behind it ask this often whether it served them.
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(3);

    private readonly BlobContainerClient _container;
    private readonly ConcurrentDictionary<Device, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<Device, bool> _blobs = new();
    private volatile bool _ready;

    public DeviceLease(StorageClients storage, RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _container = storage.Blobs.GetBlobContainerClient(options.HubName.ToLowerInvariant() + "-matching");
    }

    /// <summary>Runs <paramref name="work"/> holding the device's lease; throws when it cannot be had in a minute (the queue retries).</summary>
    public Task<T> RunAsync<T>(Device device, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(device, work, _ => Task.FromResult(true), default!, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> holding the device's lease, unless, while it waits for this host's other matchings,
    /// <paramref name="stillNeeded"/> (asked every <see cref="Recheck"/>) says an earlier one did it meanwhile: then
    /// <paramref name="notNeeded"/>, without the lease. Throws when the lease cannot be had in a minute (the queue retries).
    /// </summary>
    public async Task<T> RunAsync<T>(Device device, Func<CancellationToken, Task<T>> work, Func<CancellationToken, Task<bool>> stillNeeded, T notNeeded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(stillNeeded);
        var gate = _gates.GetOrAdd(device, _ => new SemaphoreSlim(1, 1));
        var started = TimeProvider.System.GetTimestamp();
        while (!await gate.WaitAsync(Recheck, cancellationToken))
        {
            if (!await stillNeeded(cancellationToken))
            {
                return notNeeded;
            }

            if (TimeProvider.System.GetElapsedTime(started) >= MaxWait)
            {
                throw new TimeoutException($"The matching of {WireName.Of(device)} waited a minute for this host's other matchings.");
            }
        }

        try
        {
            return await UnderLeaseAsync(device, work, MaxWait - TimeProvider.System.GetElapsedTime(started), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<T> UnderLeaseAsync<T>(Device device, Func<CancellationToken, Task<T>> work, TimeSpan patience, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(WireName.Of(device).ToLowerInvariant());
        await EnsureAsync(device, blob, cancellationToken);
        var lease = blob.GetBlobLeaseClient();
        var started = TimeProvider.System.GetTimestamp();
        for (var retry = FirstRetry; TimeProvider.System.GetElapsedTime(started) < patience; retry = retry * 2 < MaxRetry ? retry * 2 : MaxRetry)
        {
            try
            {
                await lease.AcquireAsync(Duration, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                await Task.Delay(retry, TimeProvider.System, cancellationToken);
                continue;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                _blobs.TryRemove(device, out _); // its container went (a hub dropped): made again on the queue's retry
                throw;
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

    /// <summary>Makes the container and the device's blob, once per host: a lease blob is never deleted.</summary>
    private async Task EnsureAsync(Device device, BlobClient blob, CancellationToken ct)
    {
        if (_blobs.ContainsKey(device))
        {
            return;
        }

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

        _blobs[device] = true;
    }
}
