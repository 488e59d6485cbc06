using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class TimerTests(AzuriteFixture azurite)
{
    private static async Task<ProbeState> StateAsync(RuntimeHarness h, string id) =>
        System.Text.Json.JsonSerializer.Deserialize<ProbeState>((await h.Runtime.GetStatusAsync(id, withData: true))!.State!.Value, Guichet.Runtime.Workflows.WorkflowJson.Options)!;

    [Fact(Timeout = 60_000)]
    public async Task FifteenDayTimer_FiresAtItsInstantExactlyOnce()
    {
        await using var h = (await RuntimeHarness.CreateAsync(azurite)).WithListeners();
        var due = RuntimeHarness.Epoch.AddDays(15);
        await h.Runtime.StartAsync(TypeName, "deadline");
        await h.Runtime.RaiseEventAsync("deadline", "schedule", Json(new { name = "reply", dueAt = due }), "s1");
        Assert.Single((await h.Runtime.GetStatusAsync("deadline"))!.PendingTimers);

        h.FakeClock.Advance(TimeSpan.FromDays(15) - TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        Assert.Empty((await StateAsync(h, "deadline")).Fired);

        await Eventually.AdvanceUntilAsync(h.FakeClock, TimeSpan.FromMilliseconds(250), async () => (await StateAsync(h, "deadline")).Fired.Count > 0, "the 15-day timer fired");
        var fired = Assert.Single((await StateAsync(h, "deadline")).Fired);
        Assert.Equal("reply", fired.Name);
        Assert.InRange(fired.At, due, due.AddSeconds(1));

        h.FakeClock.Advance(TimeSpan.FromDays(30));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        Assert.Single((await StateAsync(h, "deadline")).Fired);
        Assert.Empty((await h.Runtime.GetStatusAsync("deadline"))!.PendingTimers);
        var history = await h.Runtime.GetWholeHistoryAsync("deadline");
        Assert.Single(history!, e => e.Kind == HistoryKind.TimerFired);
    }

    [Fact(Timeout = 90_000)]
    public async Task TwelveMonthlyTimers_FireEachMonthOnce_AcrossAHostRestart()
    {
        var hub = Guichet.Testing.UniqueNames.Hub();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RuntimeHarness.Epoch);
        var first = (await RuntimeHarness.CreateAsync(azurite, hub, clock)).WithListeners();
        await first.Runtime.StartAsync(TypeName, "commission");
        await first.Runtime.RaiseEventAsync("commission", "schedule", Json(new { name = "monthly", dueAt = RuntimeHarness.Epoch.AddMonths(1) }), "s1");

        // The clock stops at each due time until the timer has fired, so a slow machine cannot let it run on past it.
        await FireMonthsAsync(first, clock, 1..6);
        await first.DisposeAsync();

        await using var second = (await RuntimeHarness.CreateAsync(azurite, hub, clock)).WithListeners();
        await FireMonthsAsync(second, clock, 7..12);
        clock.Advance(TimeSpan.FromDays(62));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);

        var fired = (await StateAsync(second, "commission")).Fired;
        Assert.Equal(12, fired.Count);
        for (var month = 0; month < 12; month++)
        {
            var due = RuntimeHarness.Epoch.AddMonths(month + 1);
            Assert.InRange(fired[month].At, due, due.AddDays(1));
        }

        Assert.Empty((await second.Runtime.GetStatusAsync("commission"))!.PendingTimers);
    }

    private static async Task FireMonthsAsync(RuntimeHarness host, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Range months)
    {
        for (var month = months.Start.Value; month <= months.End.Value; month++)
        {
            clock.Advance(RuntimeHarness.Epoch.AddMonths(month) - clock.GetUtcNow());
            var fired = month;
            await Eventually.HoldsAsync(async () => (await StateAsync(host, "commission")).Fired.Count >= fired, $"the timer of month {fired} fired");
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task CancelledTimer_NeverFires()
    {
        await using var h = (await RuntimeHarness.CreateAsync(azurite)).WithListeners();
        await h.Runtime.StartAsync(TypeName, "cancel");
        await h.Runtime.RaiseEventAsync("cancel", "schedule", Json(new { name = "reply", dueAt = RuntimeHarness.Epoch.AddDays(15) }), "s1");
        await h.Runtime.RaiseEventAsync("cancel", "cancel", Json(new { name = "reply" }), "c1");

        h.FakeClock.Advance(TimeSpan.FromDays(16));
        var next = await h.Runtime.FireDueTimersAsync();

        Assert.Null(next);
        Assert.Empty((await StateAsync(h, "cancel")).Fired);
        Assert.Empty((await h.Runtime.GetStatusAsync("cancel"))!.PendingTimers);
    }

    [Fact(Timeout = 30_000)]
    public async Task ShortTimer_RealTime_FiresWithinFiveSecondsAfterIdle()
    {
        await using var h = (await RuntimeHarness.CreateAsync(azurite, realTime: true)).WithListeners();
        await h.Runtime.StartAsync(TypeName, "soon");
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
        var due = TimeProvider.System.GetUtcNow().AddSeconds(3);

        await h.Runtime.RaiseEventAsync("soon", "schedule", Json(new { name = "soon", dueAt = due }), "s1");
        await Eventually.HoldsAsync(async () => (await StateAsync(h, "soon")).Fired.Count == 1, "the timer fired", TimeSpan.FromSeconds(15));

        var fired = Assert.Single((await StateAsync(h, "soon")).Fired);
        Assert.InRange(fired.At - due, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact(Timeout = 30_000)]
    public async Task FireDueTimersAsync_OneShot_ReturnsTheNextDue_IncludingTimersTheFiringScheduled()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "cycle");
        await h.Runtime.RaiseEventAsync("cycle", "schedule", Json(new { name = "monthly", dueAt = RuntimeHarness.Epoch.AddMonths(1) }), "s1");

        var fired = 0;
        while (await h.Runtime.FireDueTimersAsync() is { } next)
        {
            Assert.Equal(RuntimeHarness.Epoch.AddMonths(fired + 1), next);
            h.FakeClock.SetUtcNow(next);
            fired++;
        }

        Assert.Equal(12, fired);
        Assert.Equal(12, (await StateAsync(h, "cycle")).Fired.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerThatCannotFire_HoldsUpNoOther_AndIsRetriedLater()
    {
        var faults = new Guichet.Testing.StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(faults));
        await h.Runtime.StartAsync(TypeName, "unreachable");
        await h.Runtime.RaiseEventAsync("unreachable", "schedule", Json(new { name = "reply", dueAt = RuntimeHarness.Epoch.AddDays(10) }), "s1");
        await h.Runtime.StartAsync(TypeName, "ordinary");
        await h.Runtime.RaiseEventAsync("ordinary", "schedule", Json(new { name = "reply", dueAt = RuntimeHarness.Epoch.AddDays(11) }), "s1");
        h.FakeClock.Advance(TimeSpan.FromDays(12));

        // The earlier timer's instance cannot be read: storage fails for it.
        faults.Fail("'unreachable'");
        var next = await h.Runtime.FireDueTimersAsync();

        Assert.True(faults.Injected > 0);
        Assert.Single((await StateAsync(h, "ordinary")).Fired);
        Assert.Equal(h.FakeClock.GetUtcNow() + WorkflowRuntime.TimerRetryDelay, next);

        faults.Heal();
        h.FakeClock.Advance(WorkflowRuntime.TimerRetryDelay);
        Assert.Null(await h.Runtime.FireDueTimersAsync());
        Assert.Single((await StateAsync(h, "unreachable")).Fired);
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerWhoseFiringKeepsFailing_BacksOff_DoublingToItsCap_AndFiresOnceHealed()
    {
        var faults = new Guichet.Testing.StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(faults));
        await h.Runtime.StartAsync(TypeName, "unreachable");
        await h.Runtime.RaiseEventAsync("unreachable", "schedule", Json(new { name = "reply", dueAt = RuntimeHarness.Epoch.AddDays(1) }), "s1");
        h.FakeClock.Advance(TimeSpan.FromDays(2));
        faults.Fail("'unreachable'");

        var waits = new List<TimeSpan>();
        for (var round = 0; round < 9; round++)
        {
            var tried = faults.Injected;
            var next = (await h.Runtime.FireDueTimersAsync())!.Value;
            Assert.True(faults.Injected > tried); // each round tries once its wait is over…
            Assert.Equal(next, await h.Runtime.FireDueTimersAsync()); // …and not before
            waits.Add(next - h.FakeClock.GetUtcNow());
            h.FakeClock.Advance(next - h.FakeClock.GetUtcNow());
        }

        Assert.Equal([5, 10, 20, 40, 80, 160, 300, 300, 300], waits.Select(w => (int)w.TotalSeconds));
        faults.Heal();
        Assert.Null(await h.Runtime.FireDueTimersAsync());
        Assert.Single((await StateAsync(h, "unreachable")).Fired);
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerWhoseFiringCanNeverSucceed_IsRecordedAsRejected_AndConsumed_NotRetried()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "spoiled");
        await h.Runtime.RaiseEventAsync("spoiled", "schedule", Json(new { name = "reply", dueAt = RuntimeHarness.Epoch.AddDays(1) }), "s1");
        // The timer's row is spoiled: its payload is no longer JSON, so firing it can never succeed.
        var table = h.Runtime.TimerIndex.Table;
        var row = await table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == Guichet.Runtime.Storage.WorkIndex.Partition).FirstAsync(e => e.GetString("InstanceId") == "spoiled");
        Guichet.Runtime.Storage.BinaryChunks.Write(row, "Payload", "{not json"u8.ToArray());
        await table.UpdateEntityAsync(row, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Replace);
        h.FakeClock.Advance(TimeSpan.FromDays(2));

        Assert.Null(await h.Runtime.FireDueTimersAsync());

        var status = (await h.Runtime.GetStatusAsync("spoiled"))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Empty(status.PendingTimers);
        Assert.Empty((await StateAsync(h, "spoiled")).Fired);
        var rejected = (await h.Runtime.GetWholeHistoryAsync("spoiled"))![^1];
        Assert.Equal(HistoryKind.Rejected, rejected.Kind);
        Assert.Equal("reply", rejected.Name);
        Assert.Contains("could not fire", rejected.Reason, StringComparison.Ordinal);
        Assert.False(await h.Runtime.HasWorkDueAsync());
        Assert.True((await h.Runtime.VerifyHistoryAsync("spoiled"))!.IsIntact);
    }
}
