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
        Assert.Equal(2, failed.BufferedEvents); // the ping that failed, at the head, and the timer that came due behind it
        Assert.Equal(RaiseResult.Finished, refused.Result);
        Assert.Equal(ControlResult.Done, rewound.Result);
        var status = (await h.Runtime.GetStatusAsync("ticking", withData: true))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(1, status.State!.Value.GetProperty("ticks").GetInt32());
        Assert.Empty(status.PendingTimers);
        Assert.Equal(0, status.BufferedEvents);
    }

    [Fact(Timeout = 30_000)]
    public async Task FailedInstance_HoldsTheEventsAnotherInstanceSendsIt_WithoutRefusingThemToTheSender_AndAppliesThemOnceRewound()
    {
        var hub = UniqueNames.Hub();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RuntimeHarness.Epoch);
        await using (var buggy = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow(broken: true)]))
        {
            await buggy.Runtime.StartAsync(RelayWorkflow.TypeName, "target");
            await buggy.Runtime.StartAsync(RelayWorkflow.TypeName, "sender");
            Assert.Equal(RaiseResult.Failed, (await buggy.Runtime.RaiseEventAsync("target", "ping", Json(new { n = 1 }), "p1")).Result);

            // Another instance sends the Failed one a ping; its caller, an HTTP client say, is refused.
            await buggy.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "target", eventName = "ping", payload = new { n = 2 } }), "r1");
            var callerRefused = await buggy.Runtime.RaiseEventAsync("target", "ping", Json(new { n = 4 }), "p2");
            Assert.Equal(RaiseResult.Finished, callerRefused.Result);
            Assert.Contains("events other instances send it are held", callerRefused.Reason, StringComparison.Ordinal);
        }

        await using var fixedHost = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow()]);
        var whileFailed = (await fixedHost.Runtime.GetStatusAsync("target"))!;
        var rewound = await fixedHost.Runtime.RewindAsync("target", "Correctif déployé");

        Assert.Equal((RuntimeStatus.Failed, 2L), (whileFailed.RuntimeStatus, whileFailed.BufferedEvents)); // the failed ping, and the sent one behind it
        Assert.Equal(ControlResult.Done, rewound.Result);
        var target = (await fixedHost.Runtime.GetStatusAsync("target", withData: true))!;
        Assert.Equal((RuntimeStatus.Running, 0L), (target.RuntimeStatus, target.BufferedEvents));
        Assert.Equal(2, target.State!.Value.GetProperty("pings").GetInt32());
        var sender = (await fixedHost.Runtime.GetStatusAsync("sender", withData: true))!;
        Assert.Empty(sender.State!.Value.GetProperty("refusals").EnumerateArray());
        Assert.Empty(await fixedHost.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
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

        // It asked to fail: a retry decides that event again (and fails again); a rewind skips it.
        var retried = await h.Runtime.RetryAsync("asked", "encore");
        Assert.Equal((ControlResult.Done, RuntimeStatus.Failed), (retried.Result, retried.Status!.RuntimeStatus));
        Assert.Equal(ControlResult.Done, (await h.Runtime.RewindAsync("asked", "reprise")).Result);
        Assert.Equal(RuntimeStatus.Running, (await h.Runtime.GetStatusAsync("asked"))!.RuntimeStatus);
    }

    [Fact(Timeout = 30_000)]
    public async Task Rewind_AfterTheDeciderAskedToFail_ReturnsToTheStateBeforeThatStep()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "asked");
        await h.Runtime.RaiseEventAsync("asked", "add", Json(new { amount = 2 }), "a1");

        var failed = await h.Runtime.RaiseEventAsync("asked", "fail", null, "f1");
        var whileFailed = (await h.Runtime.GetStatusAsync("asked", withData: true))!;
        await h.Runtime.RewindAsync("asked", "Demande d'échec levée");

        Assert.Equal(RaiseResult.Failed, failed.Result);
        Assert.Equal(("asked to fail", "Count1"), (whileFailed.Error, whileFailed.CustomStatus));
        var status = (await h.Runtime.GetStatusAsync("asked", withData: true))!;
        Assert.Equal((RuntimeStatus.Running, "Count1"), (status.RuntimeStatus, status.CustomStatus));
        Assert.Equal(["a1"], status.State!.Value.GetProperty("applied").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, status.State!.Value.GetProperty("total").GetInt32());
        var history = (await h.Runtime.GetWholeHistoryAsync("asked"))!;
        Assert.Equal([HistoryKind.Started, HistoryKind.EventApplied, HistoryKind.Failed, HistoryKind.Rewound, HistoryKind.Rejected], history.Select(e => e.Kind));
        Assert.Equal(EventResult.Refused, (await h.Runtime.GetEventOutcomeAsync("asked", "f1"))!.Result);
        Assert.Equal(RaiseResult.Applied, (await h.Runtime.RaiseEventAsync("asked", "add", Json(new { amount = 1 }), "a2")).Result);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("retry")]
    [InlineData("rewind")]
    public async Task FailedStart_RetriedOrRewound_RunsTheStartAgainFromItsInput_WithTheReasonInHistory(string operation)
    {
        var hub = UniqueNames.Hub();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RuntimeHarness.Epoch);
        await using (var buggy = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow(brokenStart: true)]))
        {
            var started = await buggy.Runtime.StartAsync(RelayWorkflow.TypeName, "unborn");
            Assert.Equal(StartResult.Failed, started.Result);
            Assert.Equal(RaiseResult.Finished, (await buggy.Runtime.RaiseEventAsync("unborn", "ping", Json(new { n = 1 }), "p0")).Result);
        }

        await using var fixedHost = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow()]);
        var context = new RequestContext("Alice (ars)");
        var outcome = operation == "retry"
            ? await fixedHost.Runtime.RetryAsync("unborn", "Correctif du démarrage", context)
            : await fixedHost.Runtime.RewindAsync("unborn", "Correctif du démarrage", context);

        Assert.Equal(ControlResult.Done, outcome.Result);
        var status = (await fixedHost.Runtime.GetStatusAsync("unborn", withData: true))!;
        Assert.Equal((RuntimeStatus.Running, "Pinged0", null), (status.RuntimeStatus, status.CustomStatus, status.Error));
        Assert.Equal(0, status.State!.Value.GetProperty("pings").GetInt32());
        var history = (await fixedHost.Runtime.GetWholeHistoryAsync("unborn"))!;
        Assert.Equal([HistoryKind.Failed, HistoryKind.Rewound, HistoryKind.Started], history.Select(e => e.Kind));
        Assert.Equal((operation, "Correctif du démarrage", "Alice (ars)"), (history[1].Name, history[1].Reason, history[1].Actor));
        Assert.True((await fixedHost.Runtime.VerifyHistoryAsync("unborn"))!.IsIntact);
        Assert.Equal(RaiseResult.Applied, (await fixedHost.Runtime.RaiseEventAsync("unborn", "ping", Json(new { n = 2 }), "p1")).Result);
    }

    [Fact(Timeout = 30_000)]
    public async Task FailedStart_RetriedWithTheBugStillThere_FailsAgain_AndCanBeRetriedLater()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new RelayWorkflow(brokenStart: true)]);
        await h.Runtime.StartAsync(RelayWorkflow.TypeName, "stubborn");

        var retried = await h.Runtime.RetryAsync("stubborn", "essai");

        Assert.Equal(RuntimeStatus.Failed, retried.Status!.RuntimeStatus);
        var history = (await h.Runtime.GetWholeHistoryAsync("stubborn"))!;
        Assert.Equal([HistoryKind.Failed, HistoryKind.Rewound, HistoryKind.Failed], history.Select(e => e.Kind));
        Assert.True((await h.Runtime.VerifyHistoryAsync("stubborn"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task Retry_CutShortRightAfterItsCommit_LosesNothing_TheSweepAppliesTheEvent()
    {
        var hub = UniqueNames.Hub();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RuntimeHarness.Epoch);
        await using (var buggy = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow(broken: true)]))
        {
            await buggy.Runtime.StartAsync(RelayWorkflow.TypeName, "relay-2");
            await buggy.Runtime.RaiseEventAsync("relay-2", "ping", Json(new { n = 3 }), "p1");
        }

        var kept = await KeptEventAsync(azurite, hub, "relay-2");
        var crash = new CrashAfterCommits();
        await using (var dying = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow()], clients: azurite.Azurite.Clients(crash)))
        {
            crash.Arm(1);
            await Assert.ThrowsAnyAsync<Exception>(() => dying.Runtime.RetryAsync("relay-2", "Correctif déployé", new RequestContext("Alice (ars)")));
        }

        await using var survivor = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow()]);
        await survivor.Runtime.SweepOutboxAsync();

        Assert.Equal(("ping", 1, "p1"), kept);
        var status = (await survivor.Runtime.GetStatusAsync("relay-2", withData: true))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(3, status.State!.Value.GetProperty("pings").GetInt32());
        Assert.Equal(0, status.BufferedEvents);
        var history = (await survivor.Runtime.GetWholeHistoryAsync("relay-2"))!;
        Assert.Equal([HistoryKind.Started, HistoryKind.Failed, HistoryKind.Rewound, HistoryKind.EventApplied], history.Select(e => e.Kind));
        Assert.Equal("p1", history[3].EventId);
        Assert.True((await survivor.Runtime.VerifyHistoryAsync("relay-2"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task Rewind_RecordsTheFailedEventAsNotApplied_InItsOneTransaction()
    {
        var crash = new CrashAfterCommits();
        var hub = UniqueNames.Hub();
        await using (var h = await RuntimeHarness.CreateAsync(azurite, hub, workflows: [new RelayWorkflow(broken: true)], clients: azurite.Azurite.Clients(crash)))
        {
            await h.Runtime.StartAsync(RelayWorkflow.TypeName, "relay-3");
            await h.Runtime.RaiseEventAsync("relay-3", "ping", Json(new { n = 2 }), "p1");

            // The host dies after one transaction: all the rewind writes is in it.
            crash.Arm(1);
            await h.Runtime.RewindAsync("relay-3", "Événement erroné", new RequestContext("Alice (ars)"));
        }

        await using var survivor = await RuntimeHarness.CreateAsync(azurite, hub, workflows: [new RelayWorkflow()]);
        var status = (await survivor.Runtime.GetStatusAsync("relay-3", withData: true))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(0, status.State!.Value.GetProperty("pings").GetInt32());
        Assert.Equal(0, status.BufferedEvents);
        var history = (await survivor.Runtime.GetWholeHistoryAsync("relay-3"))!;
        Assert.Equal([HistoryKind.Started, HistoryKind.Failed, HistoryKind.Rewound, HistoryKind.Rejected], history.Select(e => e.Kind));
        Assert.Equal("p1", history[3].EventId);
        Assert.Contains("Événement erroné", history[3].Reason, StringComparison.Ordinal);
        Assert.Equal("Alice (ars)", history[2].Actor);
        Assert.Equal(ControlResult.InvalidState, (await survivor.Runtime.RetryAsync("relay-3", "trop tard")).Result);
        Assert.True((await survivor.Runtime.VerifyHistoryAsync("relay-3"))!.IsIntact);
    }

    /// <summary>The event a failure kept at the head of the inbox: its name, the version its payload was written in, its id.</summary>
    private static async Task<(string, int, string)> KeptEventAsync(AzuriteFixture azurite, string hub, string instanceId)
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, workflows: [new RelayWorkflow()]);
        var record = (await h.Runtime.Store.LoadAsync(instanceId, CancellationToken.None))!;
        var item = (await h.Runtime.Store.ReadInboxAsync(instanceId, record.FailedEvent!.Value, CancellationToken.None))!;
        return (item.Event.Name, item.Version, item.Event.EventId);
    }
}
