using System.Text.Json.Nodes;

namespace Guichet.Infra.Tests;

/// <summary>The host's Container App scales to zero, out on every queue it listens to (through the identity) and on HTTP.</summary>
[Collection(InfraGroup.Name)]
public sealed class HostAppTests(CompiledInfra infra)
{
    private ArmResource App => infra.Main.Single(ResourceTypes.ContainerApp);

    private JsonArray Rules => PredictedApp.At("properties.template.scale.rules")!.AsArray();

    // The scale rules come from a loop over the host's queues: only the snapshot has them evaluated.
    private ArmResource PredictedApp => Assert.Single(infra.Predict(ResourceTypes.ContainerApp));

    private List<JsonNode> PredictedQueueRules => Rules.Select(r => r?["azureQueue"]).OfType<JsonNode>().ToList();

    [Fact]
    public void Scale_MinimumReplicas_Zero() =>
        Assert.Equal(0, App.At("properties.template.scale.minReplicas")!.GetValue<int>());

    public static TheoryData<string> HostQueues => Tests.HostQueues.Rows();

    // A replica scaled to zero polls no queue: only a scale rule wakes it when a message arrives.
    [Theory]
    [MemberData(nameof(HostQueues))]
    public void Scale_EveryQueueTheHostListensTo_HasAQueueRule(string queue) =>
        Assert.Single(PredictedQueueRules, r => (string?)r["queueName"] == queue);

    // The queue of DESIGN §6 upstream systems write to, scaled on before its trigger exists.
    [Fact]
    public void Scale_IntakeQueue_HasAQueueRule() =>
        Assert.Single(PredictedQueueRules, r => (string?)r["queueName"] == "dossiers-intake");

    // No replica takes these: a rule on them would keep the app up for messages it never consumes.
    [Theory]
    [InlineData(Host.Intake.IntakeRejections.Queue)]
    [InlineData(Domain.Dossiers.DossierStatusChanged.Queue)]
    public void Scale_OutboundQueue_HasNoRule(string queue) =>
        Assert.DoesNotContain(PredictedQueueRules, r => (string?)r["queueName"] == queue);

    [Fact]
    public void Scale_EveryQueueRule_KedaAzureQueueThroughIdentity()
    {
        Assert.NotEmpty(PredictedQueueRules);
        Assert.All(PredictedQueueRules, queue =>
        {
            Assert.True(HostIdentity.IsPredictedIdentityId(infra.Main, (string?)queue["identity"]), $"The rule of {queue["queueName"]} must authenticate with the host's identity.");
            Assert.Null(queue["auth"]); // no connection-string secret: shared keys are disabled anyway
            Assert.Matches(@"^\[reference\(.*'Microsoft\.Resources/deployments', format\('storage-\{0\}'.*\)\.outputs\.name\.value\]$", (string?)queue["accountName"]);
            Assert.Equal(16, queue["queueLength"]!.GetValue<int>()); // host.json's queues.batchSize: one replica per batch
        });
        Assert.Equal(PredictedQueueRules.Count, PredictedQueueRules.Select(r => (string?)r["queueName"]).Distinct().Count());
    }

    // DESIGN §8's idle cost: KEDA's queue-length polls are storage requests too (2 queues x 12 an hour, beside the job's 60).
    [Fact]
    public void Scale_KedaPollsEveryFiveMinutes_AndScalesInAfterFiveIdleMinutes()
    {
        Assert.Equal(300, App.At("properties.template.scale.pollingInterval")!.GetValue<int>());
        Assert.Equal(300, App.At("properties.template.scale.cooldownPeriod")!.GetValue<int>());
    }

    [Fact]
    public void Scale_HttpRule_Present() =>
        Assert.Single(Rules, r => r?["http"] is not null);

    [Fact]
    public void Secrets_NoPlainValue_EachFromKeyVaultThroughIdentity()
    {
        var secrets = App.At("properties.configuration.secrets")!.AsArray();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, s =>
        {
            Assert.Null(s!["value"]);
            Assert.False(string.IsNullOrEmpty((string?)s["keyVaultUrl"]));
            Assert.True(HostIdentity.IsIdentityId(infra.Main, (string?)s["identity"]));
        });
    }

    [Fact]
    public void Registry_PulledThroughIdentity()
    {
        var registry = Assert.Single(App.At("properties.configuration.registries")!.AsArray())!;

        Assert.True(HostIdentity.IsIdentityId(infra.Main, (string?)registry["identity"]));
        Assert.Null(registry["passwordSecretRef"]);
    }

    [Fact]
    public void Identity_UserAssigned() =>
        Assert.Equal("UserAssigned", App.Text("identity.type"));

    [Fact]
    public void Ingress_Port8080_HttpsOnly()
    {
        Assert.Equal(8080, App.At("properties.configuration.ingress.targetPort")!.GetValue<int>());
        Assert.False(App.At("properties.configuration.ingress.allowInsecure")!.GetValue<bool>());
    }

    [Fact]
    public void Probes_LivenessAndReadiness_OnTheHostsHealthEndpoints()
    {
        var probes = App.At("properties.template.containers")![0]!["probes"]!.AsArray();

        Assert.Equal("/health", (string?)Assert.Single(probes, p => (string?)p!["type"] == "Liveness")!["httpGet"]!["path"]);
        Assert.Equal("/health/ready", (string?)Assert.Single(probes, p => (string?)p!["type"] == "Readiness")!["httpGet"]!["path"]);
    }

    // azd finds the Container App to deploy the service `host` of azure.yaml to by this tag.
    [Fact]
    public void Tags_AzdServiceName_Host() =>
        Assert.Equal("host", App.Text("tags.azd-service-name"));
}
