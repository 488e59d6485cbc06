namespace Guichet.Infra.Tests;

/// <summary>Key Vault: RBAC only, purge-protected, holding the identity-hash key and the authentication settings.</summary>
[Collection(InfraGroup.Name)]
public sealed class KeyVaultTests(CompiledInfra infra)
{
    private ArmResource Vault => infra.Main.Single(ResourceTypes.KeyVault);

    [Fact]
    public void Vault_RbacAuthorization_NoAccessPolicies()
    {
        Assert.True(Vault.At("properties.enableRbacAuthorization")!.GetValue<bool>());
        Assert.Null(Vault.At("properties.accessPolicies"));
    }

    [Fact]
    public void Vault_PurgeProtectionAndSoftDelete()
    {
        Assert.True(Vault.At("properties.enablePurgeProtection")!.GetValue<bool>());
        Assert.True(Vault.At("properties.enableSoftDelete")!.GetValue<bool>());
        Assert.Equal(90, Vault.At("properties.softDeleteRetentionInDays")!.GetValue<int>());
    }

    [Theory]
    [InlineData("identity-hash-key")]
    [InlineData("history-key")]
    [InlineData("auth-authority")]
    [InlineData("auth-audience")]
    public void Secret_Declared_AndReadByAppAndJob(string name)
    {
        Assert.Contains(infra.Main.OfType(ResourceTypes.KeyVaultSecret), s => s.Text("name").EndsWith($"'{name}')]", StringComparison.Ordinal));
        foreach (var runner in new[] { infra.Main.Single(ResourceTypes.ContainerApp), infra.Main.Single(ResourceTypes.Job) })
        {
            Assert.Contains(runner.At("properties.configuration.secrets")!.AsArray(), s => (string?)s!["name"] == name);
        }
    }

    // Deploying without the key must leave the vault's key alone: a new key would orphan every stored hash, or
    // make every history sealed under the old history key fail its verification.
    [Theory]
    [InlineData("identity-hash-key")]
    [InlineData("history-key")]
    public void Key_WrittenOnlyWhenGiven(string name) =>
        Assert.Contains("empty(", infra.Main.OfType(ResourceTypes.KeyVaultSecret).Single(s => s.Text("name").EndsWith($"'{name}')]", StringComparison.Ordinal)).Text("condition"), StringComparison.Ordinal);

    [Fact]
    public void HistoryKey_ReachesAppAndJobAsSecretSetting()
    {
        foreach (var runner in new[] { infra.Main.Single(ResourceTypes.ContainerApp), infra.Main.Single(ResourceTypes.Job) })
        {
            var environment = Assert.Single(runner.At("properties.template.containers")!.AsArray())!["env"]!.AsArray();
            Assert.Contains(environment, e => (string?)e!["name"] == "Guichet__HistoryKey" && (string?)e["secretRef"] == "history-key" && e["value"] is null);
        }
    }

    [Fact]
    public void AuditLogs_SentToLogAnalytics() =>
        Assert.Contains(infra.Main.OfType(ResourceTypes.DiagnosticSettings), d => d.Text("scope").Contains($"'{ResourceTypes.KeyVault}'", StringComparison.Ordinal));
}
