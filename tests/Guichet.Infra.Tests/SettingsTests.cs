using System.Text.RegularExpressions;

namespace Guichet.Infra.Tests;

/// <summary>Every setting the app reads reaches the app and the timers job under the name it has locally.</summary>
[Collection(InfraGroup.Name)]
public sealed class SettingsTests(CompiledInfra infra)
{
    public static TheoryData<string> ForAzure => SampleSettings.Rows(SampleSettings.ForAzure);

    public static TheoryData<string> LocalOnly => SampleSettings.Rows(SampleSettings.LocalOnly);

    private ArmResource[] Runners => [infra.Main.Single(ResourceTypes.ContainerApp), infra.Main.Single(ResourceTypes.Job)];

    [Theory]
    [MemberData(nameof(ForAzure))]
    public void SampleSetting_ProvidedToAppAndJob(string name) =>
        Assert.All(Runners, runner => Assert.Contains(name, EnvironmentNames(runner)));

    [Fact]
    public void IdentityStorage_ProvidedToAppAndJob()
    {
        Assert.All(Runners, runner =>
        {
            Assert.Equal("managedidentity", Value(runner, "AzureWebJobsStorage__credential"));
            Assert.Matches(@"^\[reference\('identity'\)\.outputs\.clientId\.value\]$", Value(runner, "AzureWebJobsStorage__clientId"));
            Assert.Matches(@"^\[reference\('storage'\)\.outputs\.name\.value\]$", Value(runner, "AzureWebJobsStorage__accountName"));
        });
    }

    [Theory]
    [MemberData(nameof(LocalOnly))]
    public void LocalOnlySetting_NowhereInBicep(string name)
    {
        Assert.All(Runners, runner => Assert.DoesNotContain(name, EnvironmentNames(runner)));
        var literal = new Regex($"'{Regex.Escape(name)}'");
        Assert.All(Directory.GetFiles(InfraPaths.Infra, "*.bicep", SearchOption.AllDirectories), file =>
            Assert.False(literal.IsMatch(File.ReadAllText(file)), $"{file} names the local-only setting {name}."));
    }

    // Nothing the app does not read: a misspelt name would otherwise pass unnoticed.
    [Fact]
    public void BicepSettings_AllReadByTheApp()
    {
        var known = SampleSettings.Values.Concat(SampleSettings.IdentityStorage).ToHashSet(StringComparer.Ordinal);
        Assert.All(Runners, runner => Assert.All(EnvironmentNames(runner), name => Assert.Contains(name, known)));
    }

    [Fact]
    public void SecretSettings_ReferToDeclaredSecrets()
    {
        Assert.All(Runners, runner =>
        {
            var secrets = runner.At("properties.configuration.secrets")!.AsArray().Select(s => (string?)s!["name"]).ToHashSet();
            var references = Environment(runner).Select(e => (string?)e!["secretRef"]).OfType<string>().ToList();
            Assert.NotEmpty(references);
            Assert.All(references, reference => Assert.Contains(reference, secrets));
        });
    }

    // The agent injects OTEL_EXPORTER_OTLP_ENDPOINT only when configured, and a value set on the container wins.
    [Fact]
    public void PlatformProvided_AgentConfigured_AndNotOverridden()
    {
        var environment = infra.Main.Single(ResourceTypes.Environment);
        Assert.Equal("appInsights", (string?)environment.At("properties.openTelemetryConfiguration.tracesConfiguration.destinations")![0]);
        Assert.Equal("appInsights", (string?)environment.At("properties.openTelemetryConfiguration.logsConfiguration.destinations")![0]);
        Assert.NotNull(environment.At("properties.appInsightsConfiguration.connectionString"));
        Assert.All(Runners, runner => Assert.All(SampleSettings.PlatformProvided.Keys, name => Assert.DoesNotContain(name, EnvironmentNames(runner))));
    }

    private static System.Text.Json.Nodes.JsonArray Environment(ArmResource runner) =>
        Assert.Single(runner.At("properties.template.containers")!.AsArray())!["env"]!.AsArray();

    private static List<string> EnvironmentNames(ArmResource runner) =>
        Environment(runner).Select(e => (string)e!["name"]!).ToList();

    private static string Value(ArmResource runner, string name) =>
        (string)Environment(runner).Single(e => (string?)e!["name"] == name)!["value"]!;
}
