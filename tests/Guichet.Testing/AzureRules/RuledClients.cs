using Azure.Core.Pipeline;
using Guichet.Runtime.Storage;

namespace Guichet.Testing.AzureRules;

/// <summary>
/// Storage clients for a connection string that refuse what Azure Storage would refuse (<see cref="AzureStorageRules"/>
/// on tables and queues), for a test in process or a test's host process, with an optional extra policy on every client.
/// </summary>
public static class RuledClients
{
    /// <summary>The clients for <paramref name="connectionString"/>, behind the rules, and <paramref name="policy"/> when given.</summary>
    public static StorageClients For(string connectionString, HttpPipelinePolicy? policy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new(
            new Azure.Data.Tables.TableServiceClient(connectionString, With(new Azure.Data.Tables.TableClientOptions(), AzureStorageRules.ForTables, policy)),
            new Azure.Storage.Queues.QueueServiceClient(connectionString, With(new Azure.Storage.Queues.QueueClientOptions(), AzureStorageRules.ForQueues, policy)),
            new Azure.Storage.Blobs.BlobServiceClient(connectionString, With(new Azure.Storage.Blobs.BlobClientOptions(), rules: null, policy)));
    }

    private static T With<T>(T options, Func<HttpPipelineTransport, HttpPipelineTransport>? rules, HttpPipelinePolicy? policy)
        where T : Azure.Core.ClientOptions
    {
        if (rules is not null)
        {
            options.Transport = rules(options.Transport);
        }

        if (policy is not null)
        {
            options.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
