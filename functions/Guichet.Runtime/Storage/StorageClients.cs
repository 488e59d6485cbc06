using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Guichet.Runtime.Storage;

/// <summary>The storage account's service clients, shared as singletons by everything that talks to storage.</summary>
public sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues, BlobServiceClient Blobs)
{
    /// <summary>Clients for a connection string (Azurite's <c>UseDevelopmentStorage=true</c> included).</summary>
    /// <param name="connectionString">The storage connection string.</param>
    /// <param name="policy">An optional pipeline policy added to every client (the benchmark counts requests with one).</param>
    public static StorageClients FromConnectionString(string connectionString, HttpPipelinePolicy? policy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new(
            new TableServiceClient(connectionString, With(new TableClientOptions(), policy)),
            new QueueServiceClient(connectionString, With(new QueueClientOptions(), policy)),
            new BlobServiceClient(connectionString, With(new BlobClientOptions(), policy)));
    }

    /// <summary>Clients for an account reached with an identity (a managed identity in Azure), no shared key.</summary>
    public static StorageClients FromIdentity(Uri tableUri, Uri queueUri, Uri blobUri, TokenCredential credential, HttpPipelinePolicy? policy = null) =>
        new(
            new TableServiceClient(tableUri, credential, With(new TableClientOptions(), policy)),
            new QueueServiceClient(queueUri, credential, With(new QueueClientOptions(), policy)),
            new BlobServiceClient(blobUri, credential, With(new BlobClientOptions(), policy)));

    private static T With<T>(T options, HttpPipelinePolicy? policy)
        where T : ClientOptions
    {
        if (policy is not null)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
