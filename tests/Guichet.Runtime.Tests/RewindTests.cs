using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>Only a bug fails an instance, and a failed instance is not lost: an administrator rewinds it, or retries the event that failed.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RewindTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task Retry_AfterTheFix_AppliesTheFailedEvent_WithTheReasonInHistory()
    {
        var hub = UniqueNames.Hub();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RuntimeHarness.Epoch);
        await using (var buggy = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow(broken: true)]))
        {
            await buggy.Runtime.StartAsync(RelayWorkflow.TypeName, "relay-1");
            var failed = await buggy.Runtime.RaiseEventAsync("relay-1", "ping", Json(new { n = 5 }), "p1");
            Assert.Equal(RaiseResult.Failed, failed.Result);
        }

        await using var fixedHost = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow()]);
        var retried = await fixedHost.Runtime.RetryAsync("relay-1", "Correctif 1.2.1 déployé", new RequestContext("Alice (ars)"));

        Assert.Equal(ControlResult.Done, retried.Result);
        var status = (await fixedHost.Runtime.GetStatusAsync("relay-1", withData: true))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Null(status.Error);
        Assert.Equal(5, status.State!.Value.GetProperty("pings").GetInt32());
        var history = (await fixedHost.Runtime.GetWholeHistoryAsync("relay-1"))!;
        Assert.Equal([HistoryKind.Started, HistoryKind.Failed, HistoryKind.Rewound, HistoryKind.EventApplied], history.Select(e => e.Kind));
        Assert.Equal("Correctif 1.2.1 déployé", history[2].Reason);
        Assert.Equal("Alice (ars)", history[2].Actor);
        Assert.True((await fixedHost.Runtime.VerifyHistoryAsync("relay-1"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task FailedInstance_KeepsItsTimers_TheyFireOnceRewound()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new RelayWorkflow(broken: true)]);
        await h.Runtime.StartAsync(RelayWorkflow.TypeName, "ticking");
        await h.Runtime.RaiseEventAsync("ticking", "tick-later", Json(new { at = RuntimeHarness.Epoch.AddDays(15) }), "t1");
        await h.Runtime.RaiseEventAsync("ticking", "ping", Json(new { n = 1 }), "p1");
        h.FakeClock.Advance(TimeSpan.FromDays(16));

        await h.Runtime.FireDueTimersAsync();
        var failed = (await h.Runtime.GetStatusAsync("ticking"))!;
        var refused = await h.Runtime.RaiseEventAsync("ticking", "ping", Json(new { n = 1 }), "p2");
        var rewound = await h.Runtime.RewindAsync("ticking", "Cause identifiée");

        Assert.Equal(RuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(1, failed.BufferedEvents);
        Assert.Equal(RaiseResult.Finished, refused.Result);
        Assert.Equal(ControlResult.Done, rewound.Result);
        var status = (await h.Runtime.GetStatusAsync("ticking", withData: true))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(1, status.State!.Value.GetProperty("ticks").GetInt32());
        Assert.Empty(status.PendingTimers);
        Assert.Equal(0, status.BufferedEvents);
    }

    [Fact(Timeout = 30_000)]
    public async Task RewindAndRetry_OnlyForFailedInstances()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "healthy");
        await h.Runtime.StartAsync(TypeName, "asked");
        await h.Runtime.RaiseEventAsync("asked", "fail", null, "f1");

        Assert.Equal(ControlResult.InvalidState, (await h.Runtime.RewindAsync("healthy", "pourquoi pas")).Result);
        Assert.Equal(ControlResult.NotFound, (await h.Runtime.RewindAsync("nobody", "pourquoi pas")).Result);

        // It asked to fail: there is no failed event to retry, but it can be rewound.
        Assert.Equal(ControlResult.InvalidState, (await h.Runtime.RetryAsync("asked", "encore")).Result);
        Assert.Equal(ControlResult.Done, (await h.Runtime.RewindAsync("asked", "reprise")).Result);
        Assert.Equal(RuntimeStatus.Running, (await h.Runtime.GetStatusAsync("asked"))!.RuntimeStatus);
    }
}
