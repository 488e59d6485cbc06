using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// An effect that can never be carried out is not tried for ever: a refusal no retry can change is given up at once,
/// a failure that may pass is tried again with back-off a bounded number of times; either way it is recorded in its
/// instance's history with the reason, its outbox row and its mark go, and the sweep no longer touches it.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class EffectGiveUpTests(AzuriteFixture azurite)
{
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
    public async Task EventToATargetThatAlwaysFails_IsTriedWithBackOff_ThenGivenUp_AndTheSenderKnows()
    {
        var faults = new StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(
            azurite, clients: azurite.Azurite.Clients(faults), configure: o => (o.MaxEffectAttempts, o.EffectRetryDelay) = (3, TimeSpan.FromMinutes(1)));
        await h.Runtime.StartAsync(TypeName, "sender");
        await h.Runtime.StartAsync(TypeName, "broken-target");
        faults.Fail("'broken-target'");

        await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "broken-target", amount = 1 }), "f1");
        var afterFirst = faults.Injected;
        await h.Runtime.SweepOutboxAsync();
        var tooSoon = faults.Injected;
        var sweeps = 0;
        while (sweeps++ < 10 && (await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None)).Count > 0)
        {
            h.FakeClock.Advance(TimeSpan.FromMinutes(5));
            await h.Runtime.SweepOutboxAsync();
        }

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, tooSoon); // backing off: the sweep right after the failure does not try again
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
        Assert.Empty(await h.Runtime.Store.Marks.AllAsync(CancellationToken.None).ToListAsync());
        var given = (await h.Runtime.GetWholeHistoryAsync("sender"))![^1];
        Assert.Equal(HistoryKind.DeliveryFailed, given.Kind);
        Assert.Contains("3 attempts", given.Reason, StringComparison.Ordinal);
        Assert.Equal("broken-target", given.Payload!.Value.GetProperty("target").GetString());
        Assert.False(await h.Runtime.HasWorkDueAsync());
        Assert.Equal(0, await h.Runtime.SweepOutboxAsync());
    }
}
