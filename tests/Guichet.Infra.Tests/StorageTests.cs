namespace Guichet.Infra.Tests;

/// <summary>The storage account admits identities only, over TLS 1.2+, with nothing public.</summary>
[Collection(InfraGroup.Name)]
public sealed class StorageTests(CompiledInfra infra)
{
    private ArmResource Account => infra.Main.Single(ResourceTypes.Storage);

    // Queues are declared in a loop over a list: the snapshot has their names evaluated ("<account>/default/<queue>").
    private List<string> PredictedQueues => infra.Predict(ResourceTypes.Queue).Select(q => q.Text("name").Split('/')[^1]).ToList();

    [Fact]
    public void Account_SharedKeys_Disabled() =>
        Assert.False(Account.At("properties.allowSharedKeyAccess")!.GetValue<bool>());

    [Fact]
    public void Account_Transport_HttpsOnlyTls12()
    {
        Assert.True(Account.At("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
        Assert.Equal("TLS1_2", Account.Text("properties.minimumTlsVersion"));
    }

    [Fact]
    public void Account_BlobPublicAccess_Disabled() =>
        Assert.False(Account.At("properties.allowBlobPublicAccess")!.GetValue<bool>());

    // Account-scoped keys for queues and tables can only be chosen at creation; a customer-managed key
    // added later for HDS then covers them as well.
    [Fact]
    public void Account_Encryption_InfrastructureAndAccountScopedKeysForEveryService()
    {
        Assert.True(Account.At("properties.encryption.requireInfrastructureEncryption")!.GetValue<bool>());
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal("Account", Account.Text($"properties.encryption.services.{service}.keyType"));
        }
    }

    public static TheoryData<string> HostQueues => Tests.HostQueues.Rows();

    // Created with the account, since the KEDA rule of each watches it before the host ever runs.
    [Theory]
    [MemberData(nameof(HostQueues))]
    public void EveryQueueTheHostListensTo_Declared(string queue) =>
        Assert.Contains(PredictedQueues, name => name == queue);

    [Fact]
    public void IntakeQueue_Declared() =>
        Assert.Contains(PredictedQueues, name => name == "dossiers-intake");

    // The queues the host writes for other systems (DESIGN §6): there before the host has written anything.
    [Theory]
    [InlineData(Host.Intake.IntakeRejections.Queue)]
    [InlineData(Domain.Dossiers.DossierStatusChanged.Queue)]
    public void OutboundQueue_Declared(string queue) =>
        Assert.Contains(PredictedQueues, name => name == queue);

    [Fact]
    public void AccessLogs_EveryDataService_SentToLogAnalytics()
    {
        var scopes = infra.Main.OfType(ResourceTypes.DiagnosticSettings).Select(d => d.Text("scope")).ToList();
        foreach (var service in new[] { "blobServices", "queueServices", "tableServices" })
        {
            Assert.Contains(scopes, scope => scope.Contains($"Microsoft.Storage/storageAccounts/{service}", StringComparison.Ordinal));
        }
    }
}
