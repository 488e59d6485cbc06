using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Guichet.Runtime.Schedules;

/// <summary>
/// One timer's blob: its lease makes one host at a time fire the timer, and its metadata records the last
/// occurrence fired, so that an occurrence runs once across all hosts and a missed one can be found at start.
/// The blob is touched only when firing and when looking for a missed occurrence, never while waiting.
/// </summary>
internal sealed class ScheduleStatusBlob(BlobContainerClient container, string timerName, TimeSpan leaseDuration, TimeProvider time)
{
    private const string LastOccurrence = "lastoccurrence";
    private const string CompletedAt = "completedat";
    private readonly BlobClient _blob = container.GetBlobClient(timerName);

    /// <summary>The last occurrence recorded as fired; null when the timer never fired.</summary>
    public async Task<DateTimeOffset?> ReadLastAsync(CancellationToken ct)
    {
        try
        {
            var properties = await _blob.GetPropertiesAsync(cancellationToken: ct);
            return properties.Value.Metadata.TryGetValue(LastOccurrence, out var value)
                ? DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Under the lease, runs <paramref name="work"/> unless the occurrence is already recorded, then records it.
    /// Work that throws leaves the occurrence unrecorded, so that a catch-up or a one-shot run tries it again.
    /// </summary>
    public async Task<TimerFireResult> TryFireAsync(DateTimeOffset occurrence, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var lease = _blob.GetBlobLeaseClient();
        if (!await TryAcquireAsync(lease, ct))
        {
            return TimerFireResult.Busy;
        }

        using var holding = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var held = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(lease, held, holding.Token);
        try
        {
            if (await ReadLastAsync(ct) >= occurrence)
            {
                return TimerFireResult.AlreadyFired;
            }

            // The work stops when the lease is lost: another host may take the occurrence over.
            await work(held.Token);
            var metadata = new Dictionary<string, string>
            {
                [LastOccurrence] = occurrence.ToString("O", CultureInfo.InvariantCulture),
                [CompletedAt] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            };
            await _blob.SetMetadataAsync(metadata, new BlobRequestConditions { LeaseId = lease.LeaseId }, ct);
            return TimerFireResult.Fired;
        }
        finally
        {
            await holding.CancelAsync();
            await renewal;
            await ReleaseAsync(lease);
        }
    }

    private async Task<bool> TryAcquireAsync(BlobLeaseClient lease, CancellationToken ct)
    {
        try
        {
            await lease.AcquireAsync(leaseDuration, cancellationToken: ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            try
            {
                await _blob.UploadAsync(BinaryData.Empty, overwrite: false, ct);
            }
            catch (RequestFailedException created) when (created.Status is 409 or 412)
            {
            }

            return await TryAcquireAsync(lease, ct);
        }
    }

    private async Task RenewAsync(BlobLeaseClient lease, CancellationTokenSource held, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(leaseDuration / 3, time, ct);
                await lease.RenewAsync(cancellationToken: ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease is lost: the work is cancelled, recording the occurrence fails, and it counts as not done.
            await held.CancelAsync();
        }
    }

    private static async Task ReleaseAsync(BlobLeaseClient lease)
    {
        try
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Expired or taken meanwhile: it frees itself after its duration.
        }
    }
}
