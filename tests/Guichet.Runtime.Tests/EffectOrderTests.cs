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

    [Fact(Timeout = 60_000)]
    public async Task AStepReachedThroughAnEventItsInstanceSent_GoesOutAfterTheSendersStep_AndNoEffectIsSentTwice()
    {
        await using var h = (await RuntimeHarness.CreateAsync(azurite, workflows: [new RallyWorkflow()])).WithListeners();
        var (server, partner) = (UniqueNames.Queue("server"), UniqueNames.Queue("partner"));
        await h.Runtime.StartAsync(RallyWorkflow.TypeName, "server", Json(new RallyStart(server)));
        await h.Runtime.StartAsync(RallyWorkflow.TypeName, "partner", Json(new RallyStart(partner)));

        // "landed" is decided while "serve"'s outbox is being carried out: its note waits behind "served", and the
        // sweeper, running alongside, never sends again what that dispatcher sent and has not deleted yet.
        await h.Runtime.RaiseEventAsync("server", "serve", Json(new Serve("partner")), "s1");
        await Eventually.HoldsAsync(async () => (await h.Runtime.Store.ReadOutboxAsync("server", CancellationToken.None)).Count == 0, "the server's outbox is carried out");
        await h.Runtime.SweepOutboxAsync();

        Assert.Equal(["served", "landed"], await NotesAsync(h, server));
        Assert.Equal(["returned"], await NotesAsync(h, partner));
        Assert.Empty(await h.Runtime.Store.Marks.AllAsync(CancellationToken.None).ToListAsync());
    }

    private static async Task<List<string>> NotesAsync(RuntimeHarness h, string queue) =>
        [.. (await h.Runtime.Storage.Queues.GetQueueClient(queue).ReceiveMessagesAsync(32)).Value
            .Select(m => System.Text.Json.JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText))).RootElement.GetProperty("what").GetString()!)];

    private static async Task<ProbeState> StateAsync(RuntimeHarness h, string id) =>
        System.Text.Json.JsonSerializer.Deserialize<ProbeState>((await h.Runtime.GetStatusAsync(id, withData: true))!.State!.Value, WorkflowJson.Options)!;

    /// <summary>The sender's step in an event id sent between instances ("sender:2:0").</summary>
    private static long Step(string eventId) => long.Parse(eventId.Split(':')[^2], System.Globalization.CultureInfo.InvariantCulture);
}
