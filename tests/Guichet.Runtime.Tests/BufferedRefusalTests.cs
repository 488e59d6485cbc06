using System.Text;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>An event buffered (202) and refused later reaches whoever sent it, once: never only the target's history.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BufferedRefusalTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task EventFromAnInstance_BufferedThenRejected_ReachesTheSenderAsDeliveryFailed_Once()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new RelayWorkflow(), new ProbeWorkflow()]);
        await h.Runtime.StartAsync(TypeName, "target");
        await h.Runtime.StartAsync(RelayWorkflow.TypeName, "sender");
        await h.Runtime.SuspendAsync("target");

        await h.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "target", eventName = "refuse", payload = new { why = "Non, pas ici." } }), "s1");
        var buffered = (await h.Runtime.GetStatusAsync("target"))!.BufferedEvents;
        await h.Runtime.ResumeAsync("target");
        await h.Runtime.SweepOutboxAsync();
        await h.Runtime.SweepOutboxAsync();

        Assert.Equal(1, buffered);
        var refusals = Refusals((await h.Runtime.GetStatusAsync("sender", withData: true))!);
        Assert.Contains("Non, pas ici.", Assert.Single(refusals), StringComparison.Ordinal);
        Assert.Equal(HistoryKind.Rejected, (await h.Runtime.GetWholeHistoryAsync("target"))![^1].Kind);
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("target", CancellationToken.None));
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
        Assert.True((await h.Runtime.VerifyHistoryAsync("sender"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task NoticeThatCannotBeDeliveredNow_StaysInTheRefusingStepsOutbox_ThenArrivesOnce()
    {
        var hub = UniqueNames.Hub();
        var faults = new StorageFaults();
        await using (var h = await RuntimeHarness.CreateAsync(azurite, hub, workflows: [new RelayWorkflow(), new ProbeWorkflow()], clients: azurite.Azurite.Clients(faults)))
        {
            await h.Runtime.StartAsync(TypeName, "target");
            await h.Runtime.StartAsync(RelayWorkflow.TypeName, "sender");
            await h.Runtime.SuspendAsync("target");
            await h.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "target", eventName = "refuse", payload = new { why = "Non." } }), "s1");

            // The sender's partition does not answer while the target refuses the event: the notice waits in the outbox.
            faults.Fail("'sender'");
            await h.Runtime.ResumeAsync("target");
        }

        await using var survivor = await RuntimeHarness.CreateAsync(azurite, hub, workflows: [new RelayWorkflow(), new ProbeWorkflow()]);
        var owed = await survivor.Runtime.Store.ReadOutboxAsync("target", CancellationToken.None);
        await survivor.Runtime.CarryOutPendingAsync("target", CancellationToken.None, atOnce: true);
        await survivor.Runtime.CarryOutPendingAsync("target", CancellationToken.None, atOnce: true);

        Assert.Contains(owed, o => o.Name == "delivery-failed" && o.Target == "sender");
        Assert.Contains("Non.", Assert.Single(Refusals((await survivor.Runtime.GetStatusAsync("sender", withData: true))!)), StringComparison.Ordinal);
        Assert.Empty(await survivor.Runtime.Store.ReadOutboxAsync("target", CancellationToken.None));
    }

    [Fact(Timeout = 30_000)]
    public async Task EventFromAnInstance_BufferedWhenItsTargetIsTerminated_RecordedInASenderThatTakesNoNotice()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "target");
        await h.Runtime.StartAsync(TypeName, "sender");
        await h.Runtime.SuspendAsync("target");

        await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "target", amount = 2 }), "f1");
        await h.Runtime.TerminateAsync("target", "Dossier clos");

        var last = (await h.Runtime.GetWholeHistoryAsync("sender"))![^1];
        Assert.Equal(HistoryKind.DeliveryFailed, last.Kind);
        Assert.Contains("terminated", last.Reason, StringComparison.Ordinal);
        Assert.Equal("add", last.Name);
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("target", CancellationToken.None));
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
        var entries = (await h.Runtime.GetStatusAsync("sender"))!.HistoryLength;
        await h.Runtime.SweepOutboxAsync();
        Assert.Equal(entries, (await h.Runtime.GetStatusAsync("sender"))!.HistoryLength);
    }

    [Fact(Timeout = 30_000)]
    public async Task ExternalEvent_Buffered_ItsOutcomeIsQueryable_AndItsRefusalReplySentOnce()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        var queue = UniqueNames.Queue("refusals");
        await h.Runtime.StartAsync(TypeName, "paused");
        await h.Runtime.SuspendAsync("paused");
        var context = new RequestContext("intake", OnRefusal: new RefusalReply(queue, "la demande, à nouveau"));

        var raised = await h.Runtime.RaiseEventAsync("paused", "refuse", Json(new { why = "Non." }), "r1", context);
        await h.Runtime.RaiseEventAsync("paused", "add", Json(new { amount = 3 }), "a1", context);
        var waiting = await h.Runtime.GetEventOutcomeAsync("paused", "r1");
        await h.Runtime.ResumeAsync("paused");
        await h.Runtime.SweepOutboxAsync();

        Assert.Equal(RaiseResult.Buffered, raised.Result);
        Assert.Equal(EventResult.Buffered, waiting!.Result);
        var refused = (await h.Runtime.GetEventOutcomeAsync("paused", "r1"))!;
        Assert.Equal((EventResult.Refused, "Non."), (refused.Result, refused.Reason));
        Assert.Equal(EventResult.Applied, (await h.Runtime.GetEventOutcomeAsync("paused", "a1"))!.Result);
        Assert.Null(await h.Runtime.GetEventOutcomeAsync("paused", "never"));
        var messages = (await h.Runtime.Storage.Queues.GetQueueClient(queue).ReceiveMessagesAsync(10)).Value;
        Assert.Equal("la demande, à nouveau", Encoding.UTF8.GetString(Convert.FromBase64String(Assert.Single(messages).MessageText)));
    }

    [Fact(Timeout = 30_000)]
    public async Task ExternalEvent_RefusedAtOnce_LeavesNoReply_AndNoOutcome()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        var queue = UniqueNames.Queue("refusals");
        await h.Runtime.StartAsync(TypeName, "open");

        var raised = await h.Runtime.RaiseEventAsync("open", "refuse", Json(new { why = "Non." }), "r1", new RequestContext(OnRefusal: new RefusalReply(queue, "x")));

        Assert.Equal(RaiseResult.Rejected, raised.Result);
        Assert.Null(await h.Runtime.GetEventOutcomeAsync("open", "r1"));
        Assert.False((await h.Runtime.Storage.Queues.GetQueueClient(queue).ExistsAsync()).Value);
    }

    private static List<string> Refusals(InstanceStatus status) =>
        [.. status.State!.Value.GetProperty("refusals").EnumerateArray().Select(r => r.GetString()!)];
}
