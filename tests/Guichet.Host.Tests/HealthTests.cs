using System.Net;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>Liveness answers whatever storage does; readiness follows storage.</summary>
[Collection(HostGroup.Name)]
public sealed class HealthTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task Health_AndReady_AreAnonymousAndHealthy()
    {
        var app = await shared.GetAsync(azurite);
        using var anonymous = app.ClientWith(null);

        using var live = await anonymous.GetAsync("/health");
        using var ready = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Ready_WhenStorageGoesAway_Fails_WhileLiveStaysUp()
    {
        var storage = await Azurite.StartAsync();
        await using var app = new GuichetApp(storage);
        using var anonymous = app.ClientWith(null);
        using (var before = await anonymous.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await storage.DisposeAsync();
        using var ready = await anonymous.GetAsync("/health/ready");
        using var live = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
