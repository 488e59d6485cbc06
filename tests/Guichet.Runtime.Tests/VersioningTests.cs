using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class VersioningTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task InstanceStartedUnderV1_InFlight_CompletesUnderV2WithUpcastStateAndTimerPayload()
    {
        var hub = UniqueNames.Hub();
        var clock = new FakeTimeProvider(RuntimeHarness.Epoch);
        await using (var v1 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV1()]))
        {
            await v1.Runtime.StartAsync("tally", "t-1");
            await v1.Runtime.RaiseEventAsync("t-1", "add", Json(new { amount = 4 }), "a1");
        }

        await using var v2 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV2()]);
        await v2.Runtime.RaiseEventAsync("t-1", "add", Json(new { value = 3 }), "a2");
        clock.Advance(TimeSpan.FromDays(10));
        await v2.Runtime.FireDueTimersAsync();

        var status = await v2.Runtime.GetStatusAsync("t-1", withData: true);
        Assert.True(status!.RuntimeStatus == RuntimeStatus.Completed, status.Error);
        Assert.Equal(2, status.WorkflowVersion);
        var state = status.State!.Value;
        Assert.Equal(7, state.GetProperty("tally").GetProperty("count").GetInt32());
        Assert.Equal("from v1", state.GetProperty("tally").GetProperty("label").GetString());
        Assert.Equal("fin", state.GetProperty("closedBecause").GetString());
        var versions = (await v2.Runtime.GetWholeHistoryAsync("t-1"))!.Select(e => e.WorkflowVersion);
        Assert.Equal([1, 1, 2, 2], versions);
    }

    [Fact(Timeout = 30_000)]
    public async Task EventSentByANewerSenderType_IsReadAsTheTargetsVersion_NotTheSenders()
    {
        // The sender is at version 3, the target at version 2: the sender's number says nothing of the target's record.
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new RelayWorkflow(version: 3), new TallyV2()]);
        await h.Runtime.StartAsync("tally", "t-2");
        await h.Runtime.StartAsync(RelayWorkflow.TypeName, "sender");

        await h.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "t-2", eventName = "add", payload = new { value = 5 } }), "s1");

        var status = (await h.Runtime.GetStatusAsync("t-2", withData: true))!;
        Assert.Equal((0L, null), (status.BufferedEvents, status.Waiting));
        Assert.Equal(5, status.State!.Value.GetProperty("tally").GetProperty("count").GetInt32());
        Assert.Equal(2, (await h.Runtime.GetWholeHistoryAsync("t-2"))![^1].WorkflowVersion);
    }

    [Fact(Timeout = 30_000)]
    public async Task EventWrittenWhenTheTargetTypeWasV1_DeliveredByAV2Host_IsUpcastFromV1()
    {
        var hub = UniqueNames.Hub();
        var clock = new FakeTimeProvider(RuntimeHarness.Epoch);
        var crash = new CrashAfterCommits();
        await using (var v2 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow(version: 3), new TallyV2()]))
        {
            await v2.Runtime.StartAsync("tally", "t-3");
            await v2.Runtime.StartAsync(RelayWorkflow.TypeName, "sender");
        }

        // A host of the earlier build commits the send (its code wrote "close" as version 1 had it) and dies before delivering.
        await using (var v1 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow(version: 3), new TallyV1()], clients: azurite.Azurite.Clients(crash)))
        {
            crash.Arm(1);
            await Record.ExceptionAsync(() => v1.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "t-3", eventName = "close", payload = new { note = "écrit en v1" } }), "s1"));
        }

        await using var survivor = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new RelayWorkflow(version: 3), new TallyV2()]);
        await survivor.Runtime.SweepOutboxAsync();

        var status = (await survivor.Runtime.GetStatusAsync("t-3", withData: true))!;
        Assert.True(status.RuntimeStatus == RuntimeStatus.Completed, status.Error ?? status.Waiting);
        Assert.Equal("écrit en v1", status.State!.Value.GetProperty("closedBecause").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task InstanceStoredByNewerVersion_EventsWaitBufferedWithTheReason_UntilANewerHostAppliesThem()
    {
        var hub = UniqueNames.Hub();
        var clock = new FakeTimeProvider(RuntimeHarness.Epoch);
        await using (var v2 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV2()]))
        {
            await v2.Runtime.StartAsync("tally", "t-2");
        }

        await using (var v1 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV1()]))
        {
            var early = await v1.Runtime.RaiseEventAsync("t-2", "add", Json(new { value = 1 }), "a1");
            clock.Advance(TimeSpan.FromDays(10));
            await v1.Runtime.FireDueTimersAsync();

            Assert.Equal(RaiseResult.Buffered, early.Result);
            Assert.Contains("version 2", early.Reason, StringComparison.Ordinal);
            var waiting = (await v1.Runtime.GetStatusAsync("t-2", withData: true))!;
            Assert.Equal(RuntimeStatus.Running, waiting.RuntimeStatus);
            Assert.Equal(2, waiting.BufferedEvents);
            Assert.Contains("version 2", waiting.Waiting, StringComparison.Ordinal);
            Assert.Equal(0, waiting.State!.Value.GetProperty("tally").GetProperty("count").GetInt32());
            Assert.Equal(1, waiting.HistoryLength);
        }

        await using var newer = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV2()]);
        await newer.Runtime.SweepOutboxAsync();

        var done = (await newer.Runtime.GetStatusAsync("t-2", withData: true))!;
        Assert.Equal(RuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Null(done.Waiting);
        Assert.Equal(1, done.State!.Value.GetProperty("tally").GetProperty("count").GetInt32());
        Assert.Equal(0, done.BufferedEvents);
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerWrittenByNewerVersion_IsBuffered_NotAppliedByOlderCode()
    {
        var hub = UniqueNames.Hub();
        var clock = new FakeTimeProvider(RuntimeHarness.Epoch);
        await using (var v1 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV1()]))
        {
            await v1.Runtime.StartAsync("tally", "t-3");
        }

        // A newer host touched the instance (its state is now version 2), then an older host meets its timer.
        await using (var v2 = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV2()]))
        {
            await v2.Runtime.RaiseEventAsync("t-3", "add", Json(new { value = 2 }), "a1");
        }

        await using var old = await RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new TallyV1()]);
        clock.Advance(TimeSpan.FromDays(10));
        await old.Runtime.FireDueTimersAsync();

        var status = (await old.Runtime.GetStatusAsync("t-3"))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(1, status.BufferedEvents);
        Assert.DoesNotContain((await old.Runtime.GetWholeHistoryAsync("t-3"))!, e => e.Kind == HistoryKind.TimerFired);
    }
}
