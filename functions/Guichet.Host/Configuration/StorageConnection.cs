using Azure.Identity;
using Guichet.Runtime.Storage;

namespace Guichet.Host.Configuration;

/// <summary>
/// The storage account from <c>AzureWebJobsStorage</c>, as Azure Functions reads it: a connection string
/// (<c>UseDevelopmentStorage=true</c> for Azurite), or identity-based settings
/// (<c>AzureWebJobsStorage__accountName</c> or the three <c>__…ServiceUri</c>, with <c>__credential</c> and
/// <c>__clientId</c> for a user-assigned managed identity) so that no shared key is needed in Azure.
/// </summary>
public static class StorageConnection
{
    /// <summary>The setting's name.</summary>
    public const string Setting = "AzureWebJobsStorage";

    /// <summary>Builds the clients, or explains which settings are missing.</summary>
    public static StorageClients Create(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return StorageClients.FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(Setting);
        var account = section["accountName"];
        Uri? Service(string kind) =>
            section[$"{kind}ServiceUri"] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{kind}.core.windows.net")
            : null;
        var (tables, queues, blobs) = (Service("table"), Service("queue"), Service("blob"));
        if (tables is null || queues is null || blobs is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {Setting} to a connection string (UseDevelopmentStorage=true for Azurite), " +
                $"or {Setting}__accountName (or the three {Setting}__tableServiceUri, __queueServiceUri, __blobServiceUri) for an identity.");
        }

        var clientId = section["clientId"];
        var credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? (Azure.Core.TokenCredential)new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return StorageClients.FromIdentity(tables, queues, blobs, credential);
    }
}
