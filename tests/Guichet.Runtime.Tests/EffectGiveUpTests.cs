using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Outbox;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// A refusal no retry can change is given up at once, recorded in its instance's history with the reason (its outbox row
/// and its mark go, a timer leaves the pending timers, the sweep no longer touches it); a failure that may pass is tried
/// again with capped back-off for as long as it lasts, never given up, so an outage loses no timer nor row.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class EffectGiveUpTests(AzuriteFixture azurite)
{
    private static async Task<ProbeState> StateAsync(RuntimeHarness h, string id) =>
        System.Text.Json.JsonSerializer.Deserialize<ProbeState>((await h.Runtime.GetStatusAsync(id, withData: true))!.State!.Value, Guichet.Runtime.Workflows.WorkflowJson.Options)!;

    [Fact(Timeout = 30_000)]
    public async Task MessageTheQueueRefuses_IsGivenUpAtOnce_InHistory_AndTheSweepLeavesIt()
    {
        var faults = new StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(faults));
        var queue = UniqueNames.Queue("refused");
        await h.Runtime.StartAsync(TypeName, "notifier", Json(new { queue }));
        faults.Fail(queue, 403, "AuthorizationPermissionMismatch");

        var outcome = await h.Runtime.RaiseEventAsync("notifier", "add", Json(new { amount = 2 }), "a1");
        var refusals = faults.Injected;

        Assert.Equal(RaiseResult.Applied, outcome.Result);
        var given = (await h.Runtime.GetWholeHistoryAsync("notifier"))![^1];
        Assert.Equal(HistoryKind.DeliveryFailed, given.Kind);
        Assert.Contains("403", given.Reason, StringComparison.Ordinal);
        Assert.Contains(queue, given.Reason, StringComparison.Ordinal);
        Assert.Equal("SendMessage", given.Payload!.Value.GetProperty("kind").GetString());
        Assert.Equal("notifier:2:0", given.Payload.Value.GetProperty("payload").GetProperty("messageId").GetString());
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("notifier", CancellationToken.None));
        Assert.Empty(await h.Runtime.Store.Marks.AllAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(0, await h.Runtime.SweepOutboxAsync());
        Assert.Equal(refusals, faults.Injected);
        Assert.True((await h.Runtime.VerifyHistoryAsync("notifier"))!.IsIntact);
    }

    [Fact(Timeout = 60_000)]
    public async Task EventToATargetWhoseStorageKeepsFailing_IsTriedWithCappedBackOff_NeverGivenUp_AndArrivesOnceHealed()
    {
        var faults = new StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(
            azurite, clients: azurite.Azurite.Clients(faults), configure: o => (o.EffectRetryDelay, o.MaxEffectRetryDelay) = (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4)));
        await h.Runtime.StartAsync(TypeName, "sender");
        await h.Runtime.StartAsync(TypeName, "broken-target");
        faults.Fail("'broken-target'");

        await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "broken-target", amount = 1 }), "f1");
        var afterFirst = faults.Injected;
        await h.Runtime.SweepOutboxAsync();
        var tooSoon = faults.Injected;
        for (var sweep = 0; sweep < 20; sweep++)
        {
            h.FakeClock.Advance(TimeSpan.FromMinutes(5)); // longer than the longest wait: each sweep tries again
            await h.Runtime.SweepOutboxAsync();
        }

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, tooSoon); // backing off: the sweep right after the failure does not try again
        var waiting = (await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None))[0];
        Assert.Equal(OutboxKind.SendEvent, waiting.Kind);
        Assert.True(waiting.Attempts > 10, $"tried {waiting.Attempts} times, more than the former cap");
        Assert.True(waiting.NextAttemptAt <= h.FakeClock.GetUtcNow() + TimeSpan.FromMinutes(4)); // the wait is capped
        Assert.DoesNotContain(await h.Runtime.GetWholeHistoryAsync("sender") ?? [], e => e.Kind == HistoryKind.DeliveryFailed);

        faults.Heal();
        h.FakeClock.Advance(TimeSpan.FromMinutes(5));
        await h.Runtime.SweepOutboxAsync();

        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
        Assert.Empty(await h.Runtime.Store.Marks.AllAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(1, (await StateAsync(h, "broken-target")).Total);
        Assert.False(await h.Runtime.HasWorkDueAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task TimerWhoseRowFailsThroughAnOutage_IsNotLost_AndFiresOnceHealed()
    {
        var faults = new StorageFaults();
        var hub = UniqueNames.Hub();
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, clients: azurite.Azurite.Clients(faults));
        await h.Runtime.StartAsync(TypeName, "sleeper");
        faults.Fail(hub + "Work(PartitionKey='work',RowKey='t|"); // the timer's row, not the step's mark

        var due = RuntimeHarness.Epoch.AddHours(2);
        await h.Runtime.RaiseEventAsync("sleeper", "schedule", Json(new { name = "t", dueAt = due }), "s1");
        for (var sweep = 0; sweep < 15; sweep++)
        {
            h.FakeClock.Advance(TimeSpan.FromMinutes(31)); // every wait of the back-off passes: 15 attempts, over 7 hours
            await h.Runtime.SweepOutboxAsync();
        }

        Assert.Contains(await h.Runtime.Store.ReadOutboxAsync("sleeper", CancellationToken.None), i => i.Kind == OutboxKind.SetTimer && i.Attempts >= 15);
        Assert.Single((await h.Runtime.GetStatusAsync("sleeper"))!.PendingTimers);

        faults.Heal();
        h.FakeClock.Advance(TimeSpan.FromMinutes(31));
        await h.Runtime.SweepOutboxAsync();
        await h.Runtime.FireDueTimersAsync();

        Assert.Single((await StateAsync(h, "sleeper")).Fired);
        Assert.Empty((await h.Runtime.GetStatusAsync("sleeper"))!.PendingTimers);
        Assert.DoesNotContain(await h.Runtime.GetWholeHistoryAsync("sleeper") ?? [], e => e.Kind == HistoryKind.DeliveryFailed);
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerWhoseRowStorageRefuses_IsGivenUpAtOnce_AndLeavesThePendingTimers()
    {
        var faults = new StorageFaults();
        var hub = UniqueNames.Hub();
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, clients: azurite.Azurite.Clients(faults));
        await h.Runtime.StartAsync(TypeName, "sleeper");
        faults.Fail(hub + "Work(PartitionKey='work',RowKey='t|", 403, "AuthorizationPermissionMismatch");

        await h.Runtime.RaiseEventAsync("sleeper", "schedule", Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddHours(2) }), "s1");
        faults.Heal();

        var given = (await h.Runtime.GetWholeHistoryAsync("sleeper"))![^1];
        Assert.Equal(HistoryKind.DeliveryFailed, given.Kind);
        Assert.Contains("403", given.Reason, StringComparison.Ordinal);
        Assert.Equal("SetTimer", given.Payload!.Value.GetProperty("kind").GetString());
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sleeper", CancellationToken.None));
        Assert.Empty((await h.Runtime.GetStatusAsync("sleeper"))!.PendingTimers);
        Assert.True((await h.Runtime.VerifyHistoryAsync("sleeper"))!.IsIntact);
    }
}
