using System.Text.Json;
using Guichet.Host.Configuration;
using Guichet.Runtime;
using Microsoft.Extensions.Configuration;

namespace Guichet.Host.Tests;

/// <summary>host.json and local.settings.json are read the way Azure Functions reads them; environment variables override.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guichet-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string RepositoryFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return Path.Combine(dir.FullName, name);
            }
        }

        throw new FileNotFoundException(name);
    }

    private ConfigurationManager Load(string hostJson, string localSettings, params (string Key, string Value)[] environment)
    {
        File.WriteAllText(Path.Combine(_directory, "host.json"), hostJson);
        File.WriteAllText(Path.Combine(_directory, "local.settings.json"), localSettings);
        var configuration = new ConfigurationManager();
        configuration.AddFunctionsFiles([.. environment.Select(e => $"--{e.Key}={e.Value}")], _directory);
        return configuration;
    }

    [Fact]
    public void HostJsonQueues_BindToTheQueueTriggerOptions_AndAnOverrideWins()
    {
        var configuration = Load(
            """{ "version": "2.0", "extensions": { "queues": { "maxPollingInterval": "00:00:45", "batchSize": 8, "newBatchThreshold": 4, "maxDequeueCount": 3, "visibilityTimeout": "00:00:20", "messageEncoding": "none" } } }""",
            """{ "Values": {} }""",
            ("AzureFunctionsJobHost:extensions:queues:batchSize", "12"));

        var options = QueueSettings.Read(configuration);

        Assert.Equal(TimeSpan.FromSeconds(45), options.MaxPollingInterval);
        Assert.Equal(12, options.BatchSize);
        Assert.Equal(4, options.NewBatchThreshold);
        Assert.Equal(3, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(20), options.VisibilityTimeout);
        Assert.Equal(MessageEncoding.None, options.MessageEncoding);
    }

    [Fact]
    public void LocalSettingsValues_AreAppSettingsWithDoubleUnderscoreAsSeparator()
    {
        var configuration = Load("""{ "version": "2.0" }""", """{ "IsEncrypted": false, "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Auth__Mode": "Development" } }""");

        Assert.Equal("UseDevelopmentStorage=true", configuration["AzureWebJobsStorage"]);
        Assert.Equal("Development", configuration["Auth:Mode"]);
    }

    [Fact]
    public void TheRepositoryHostJson_ConfiguresQueuesAndWorkflowsValidly()
    {
        var configuration = Load(File.ReadAllText(RepositoryFile("host.json")), """{ "Values": { "Guichet__HistoryKey": "a-history-key-of-at-least-32-bytes-for-tests" } }""");
        var runtime = new RuntimeOptions();

        WorkflowSettings.Bind(configuration, runtime);
        var queues = QueueSettings.Read(configuration);

        runtime.Validate();
        Assert.Equal("Guichet", runtime.HubName);
        Assert.Equal(TimeSpan.FromMinutes(2), queues.MaxPollingInterval);
    }

    [Fact]
    public void RetiredHistoryKeys_AreReadFromTheirSetting_SoEntriesSealedBeforeARotationStillVerify()
    {
        var configuration = Load("""{ "version": "2.0" }""", """{ "Values": { "Guichet__HistoryKey": "the-new-history-key-of-at-least-32-bytes", "Guichet__RetiredHistoryKeys": "an-old-history-key-of-at-least-32-bytes-1; an-old-history-key-of-at-least-32-bytes-2" } }""");
        var runtime = new RuntimeOptions();

        WorkflowSettings.Bind(configuration, runtime);

        runtime.Validate();
        Assert.Equal(["an-old-history-key-of-at-least-32-bytes-1", "an-old-history-key-of-at-least-32-bytes-2"], runtime.RetiredHistoryKeys.Select(System.Text.Encoding.UTF8.GetString));
    }

    [Fact]
    public void TheSampleSettings_DocumentEveryValueAndNothingElse()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryFile("local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).Order().ToList();
        var documented = sample.RootElement.GetProperty("Settings").EnumerateObject().Select(p => p.Name).Order().ToList();
        var localOnly = sample.RootElement.GetProperty("LocalOnly").EnumerateArray().Select(e => e.GetString()!).ToList();

        Assert.Equal(values, documented);
        Assert.All(localOnly, key => Assert.Contains(key, values));
        Assert.All(sample.RootElement.GetProperty("Settings").EnumerateObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetString()), p.Name));
    }
}
