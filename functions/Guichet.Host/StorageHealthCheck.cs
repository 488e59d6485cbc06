using Guichet.Runtime.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Guichet.Host;

/// <summary>Ready when the storage account answers (one table query).</summary>
public sealed class StorageHealthCheck(StorageClients storage) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy("Storage reachable.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage unreachable.", ex);
        }
    }
}
