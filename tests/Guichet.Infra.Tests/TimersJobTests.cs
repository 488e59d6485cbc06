namespace Guichet.Infra.Tests;

/// <summary>The timers run every minute as a scheduled job, from the host's image and identity.</summary>
[Collection(InfraGroup.Name)]
public sealed class TimersJobTests(CompiledInfra infra)
{
    private ArmResource Job => infra.Main.Single(ResourceTypes.Job);

    [Fact]
    public void Trigger_ScheduleEveryMinute()
    {
        Assert.Equal("Schedule", Job.Text("properties.configuration.triggerType"));
        Assert.Equal("* * * * *", Job.Text("properties.configuration.scheduleTriggerConfig.cronExpression"));
    }

    [Fact]
    public void Container_RunsTheOneShotTimerCommand()
    {
        var container = Assert.Single(Job.At("properties.template.containers")!.AsArray())!;

        Assert.Equal(["run-timers"], container["args"]!.AsArray().Select(a => (string?)a));
        Assert.Null(container["command"]); // the image's entry point (dotnet Guichet.Host.dll) stays
    }

    [Fact]
    public void Image_SameAsTheApp()
    {
        var app = infra.Main.Single(ResourceTypes.ContainerApp);

        Assert.Equal(
            app.At("properties.template.containers")![0]!["image"]!.ToJsonString(),
            Job.At("properties.template.containers")![0]!["image"]!.ToJsonString());
    }

    [Fact]
    public void Identity_RegistryAndSecretsThroughIt()
    {
        Assert.Equal("UserAssigned", Job.Text("identity.type"));
        var registry = Assert.Single(Job.At("properties.configuration.registries")!.AsArray())!;
        Assert.True(HostIdentity.IsIdentityId(infra.Main, (string?)registry["identity"]));
        Assert.All(Job.At("properties.configuration.secrets")!.AsArray(), s =>
        {
            Assert.Null(s!["value"]);
            Assert.True(HostIdentity.IsIdentityId(infra.Main, (string?)s["identity"]));
        });
    }
}
