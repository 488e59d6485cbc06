using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>An instance's effects go out in step order, even when an earlier step's effect is backing off after a failure.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class EffectOrderTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task ALaterStepsEvent_WaitsBehindAnEarlierOneBackingOff_AndBothArriveInStepOrder()
    {
        var faults = new StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(faults));
        await h.Runtime.StartAsync(TypeName, "sender");
        await h.Runtime.StartAsync(TypeName, "target");

        // Step 2's event fails (the target's storage is down) and backs off; storage is back for step 3's.
        faults.Fail("'target'");
        await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "target", amount = 1 }), "f1");
        faults.Heal();
        await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "target", amount = 2 }), "f2");

        Assert.Equal(0, (await StateAsync(h, "target")).Count); // the later event waited behind the earlier one
        h.FakeClock.Advance(TimeSpan.FromMinutes(5));
        await h.Runtime.SweepOutboxAsync();

        var applied = (await StateAsync(h, "target")).Applied;
        Assert.Equal(2, applied.Count);
        Assert.Equal(applied.OrderBy(Step), applied); // the first forward's event first
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
    }

    private static async Task<ProbeState> StateAsync(RuntimeHarness h, string id) =>
        System.Text.Json.JsonSerializer.Deserialize<ProbeState>((await h.Runtime.GetStatusAsync(id, withData: true))!.State!.Value, WorkflowJson.Options)!;

    /// <summary>The sender's step in an event id sent between instances ("sender:2:0").</summary>
    private static long Step(string eventId) => long.Parse(eventId.Split(':')[^2], System.Globalization.CultureInfo.InvariantCulture);
}
