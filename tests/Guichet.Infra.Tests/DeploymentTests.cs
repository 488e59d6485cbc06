using System.Text.Json.Nodes;

namespace Guichet.Infra.Tests;

/// <summary>The subscription-level deployment azd runs: region, parameters file, outputs, monitoring.</summary>
[Collection(InfraGroup.Name)]
public sealed class DeploymentTests(CompiledInfra infra)
{
    private JsonObject Parameters => infra.Main.Root["parameters"]!.AsObject();

    // Health data stays in France (HDS): France Central by default, and no region outside France offered.
    [Fact]
    public void Location_FranceCentralByDefault_FrenchRegionsOnly()
    {
        Assert.Equal("francecentral", (string?)Parameters["location"]!["defaultValue"]);
        Assert.All(Parameters["location"]!["allowedValues"]!.AsArray(), region => Assert.StartsWith("france", (string?)region, StringComparison.Ordinal));
    }

    [Fact]
    public void Location_EveryResource_FromTheLocationParameter()
    {
        var located = infra.Main.Resources.Where(r => r.Body["location"] is not null && r.Type != "Microsoft.Resources/deployments").ToList();

        Assert.NotEmpty(located);
        Assert.All(located, r => Assert.Equal("francecentral", r.Text("location")));
    }

    [Fact]
    public void Scope_Subscription_WithItsResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate", (string?)infra.Main.Root["$schema"], StringComparison.Ordinal);
        Assert.Single(infra.Main.OfType("Microsoft.Resources/resourceGroups"));
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_CONTAINER_REGISTRY_ENDPOINT")]
    [InlineData("AZURE_CONTAINER_REGISTRY_NAME")]
    [InlineData("AZURE_CONTAINER_APPS_ENVIRONMENT_ID")]
    [InlineData("AZURE_CONTAINER_APPS_ENVIRONMENT_NAME")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("AZURE_TIMERS_JOB_NAME")]
    [InlineData("SERVICE_HOST_NAME")]
    public void Output_NeededByAzd_Present(string name) =>
        Assert.Equal("string", (string?)infra.Main.Root["outputs"]![name]?["type"]);

    [Fact]
    public void ParametersFile_NamesOnlyDeclaredParameters_AndEveryRequiredOne()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(file.Select(p => p.Key), name => Assert.True(Parameters.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare."));
        var required = Parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        Assert.All(required, name => Assert.True(file.ContainsKey(name), $"main.bicep's {name} has no default and no value in main.parameters.json."));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
    }

    // Secrets come from azd variables with no default (empty: the vault keeps its secret), and are secure parameters.
    [Theory]
    [InlineData("identityHashKey", "GUICHET_IDENTITY_HASH_KEY")]
    [InlineData("historyKey", "GUICHET_HISTORY_KEY")]
    public void SecretParameter_FromAzdVariable_SecureAndEmptyByDefault(string parameter, string variable)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.Equal("${" + variable + "}", (string?)file[parameter]!["value"]);
        Assert.Equal("securestring", (string?)Parameters[parameter]!["type"]);
        Assert.Equal(string.Empty, (string?)Parameters[parameter]!["defaultValue"]);
    }

    [Fact]
    public void Monitoring_PlatformLogsToLogAnalytics_WithoutWorkspaceKey()
    {
        var environment = infra.Main.Single(ResourceTypes.Environment);

        Assert.Equal("azure-monitor", environment.Text("properties.appLogsConfiguration.destination"));
        Assert.Contains(infra.Main.OfType(ResourceTypes.DiagnosticSettings), d => d.Text("scope").Contains($"'{ResourceTypes.Environment}'", StringComparison.Ordinal));
        Assert.True(infra.Main.Single(ResourceTypes.Workspace).At("properties.retentionInDays")!.GetValue<int>() >= 90);
        Assert.NotNull(infra.Main.Single(ResourceTypes.AppInsights).At("properties.WorkspaceResourceId"));
    }

    [Fact]
    public void Registry_NoAdminUser_NoAnonymousPull()
    {
        var registry = infra.Main.Single(ResourceTypes.Registry);

        Assert.False(registry.At("properties.adminUserEnabled")!.GetValue<bool>());
        Assert.False(registry.At("properties.anonymousPullEnabled")!.GetValue<bool>());
    }
}
