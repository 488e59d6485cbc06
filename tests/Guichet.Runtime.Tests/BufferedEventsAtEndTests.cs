using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>An instance that ends with events in its inbox records each as not applied, and keeps no inbox row.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BufferedEventsAtEndTests(AzuriteFixture azurite)
{
    private static async Task<List<InboxItem>> InboxAsync(RuntimeHarness h, string id) =>
        await h.Runtime.Store.ReadInboxFromAsync(id, 0, 1000, CancellationToken.None);

    [Fact(Timeout = 30_000)]
    public async Task Terminate_WhileSuspendedWithBufferedEvents_RecordsThemAsNotApplied_AndDeletesTheirRows()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "held");
        await h.Runtime.SuspendAsync("held", "contrôle");
        await h.Runtime.RaiseEventAsync("held", "add", Json(new { amount = 1 }), "a1", new RequestContext("prescriber:p1", "corr-a1"));
        await h.Runtime.RaiseEventAsync("held", "add", Json(new { amount = 2 }), "a2");

        var terminated = await h.Runtime.TerminateAsync("held", "doublon", new RequestContext("ars:alice"));

        Assert.Equal(RuntimeStatus.Terminated, terminated.Status!.RuntimeStatus);
        Assert.Equal(0, terminated.Status.BufferedEvents);
        var history = (await h.Runtime.GetWholeHistoryAsync("held"))!;
        Assert.Equal([HistoryKind.Started, HistoryKind.Suspended, HistoryKind.Terminated, HistoryKind.Rejected, HistoryKind.Rejected], history.Select(e => e.Kind));
        Assert.Equal(["a1", "a2"], history.Skip(3).Select(e => e.EventId));
        Assert.All(history.Skip(3), e => Assert.Equal(("add", "Not applied: instance terminated.", RuntimeStatus.Terminated), (e.Name, e.Reason, e.RuntimeStatus)));
        Assert.Equal(("prescriber:p1", "corr-a1"), (history[3].Actor, history[3].CorrelationId));
        Assert.Equal(history.Count, (await h.Runtime.GetStatusAsync("held"))!.HistoryLength);
        Assert.True((await h.Runtime.VerifyHistoryAsync("held"))!.IsIntact);
        Assert.Empty(await InboxAsync(h, "held"));
        Assert.Equal(ControlResult.Finished, (await h.Runtime.ResumeAsync("held")).Result);
    }

    [Fact(Timeout = 30_000)]
    public async Task Complete_FromTheInbox_WithEventsBehindIt_RecordsThemAsNotApplied_AndDeletesTheirRows()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "closing");
        await h.Runtime.SuspendAsync("closing");
        await h.Runtime.RaiseEventAsync("closing", "add", Json(new { amount = 4 }), "a1");
        await h.Runtime.RaiseEventAsync("closing", "finish", null, "f1");
        await h.Runtime.RaiseEventAsync("closing", "add", Json(new { amount = 5 }), "a2");
        await h.Runtime.RaiseEventAsync("closing", "add", Json(new { amount = 6 }), "a3");

        await h.Runtime.ResumeAsync("closing");

        var status = (await h.Runtime.GetStatusAsync("closing", withData: true))!;
        Assert.Equal(RuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(0, status.BufferedEvents);
        Assert.Equal(4, status.State!.Value.GetProperty("total").GetInt32());
        var history = (await h.Runtime.GetWholeHistoryAsync("closing"))!;
        Assert.Equal(
            [HistoryKind.Started, HistoryKind.Suspended, HistoryKind.Resumed, HistoryKind.EventApplied, HistoryKind.EventApplied, HistoryKind.Rejected, HistoryKind.Rejected],
            history.Select(e => e.Kind));
        Assert.Equal(["a2", "a3"], history.Skip(5).Select(e => e.EventId));
        Assert.All(history.Skip(5), e => Assert.Equal("Not applied: instance completed.", e.Reason));
        Assert.True((await h.Runtime.VerifyHistoryAsync("closing"))!.IsIntact);
        Assert.Empty(await InboxAsync(h, "closing"));
        Assert.DoesNotContain("closing", await h.Runtime.Store.InstancesWithRowsAsync(RowKeys.InboxPrefix, CancellationToken.None));
    }

    // Two operations each: 60 buffered events do not fit the terminating transaction, the rest follow it.
    [Fact(Timeout = 60_000)]
    public async Task Terminate_WithMoreBufferedEventsThanOneTransactionHolds_RecordsEveryOneInOrder()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "crowded");
        await h.Runtime.SuspendAsync("crowded");
        for (var i = 0; i < 60; i++)
        {
            await h.Runtime.RaiseEventAsync("crowded", "add", Json(new { amount = i }), $"a{i:D2}");
        }

        await h.Runtime.TerminateAsync("crowded", "fermeture");

        var rejected = (await h.Runtime.GetWholeHistoryAsync("crowded"))!.Where(e => e.Kind == HistoryKind.Rejected).ToList();
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"a{i:D2}"), rejected.Select(e => e.EventId));
        Assert.True((await h.Runtime.VerifyHistoryAsync("crowded"))!.IsIntact);
        Assert.Empty(await InboxAsync(h, "crowded"));
    }

    [Fact(Timeout = 90_000)]
    public async Task EndingStep_WithLeftoverEventsWhoseRepliesOverflowItsTransaction_CommitsAndDiscardsThemInBatchesThatFit()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new Workflows.OversizeWorkflow()]);
        await h.Runtime.StartAsync(Workflows.OversizeWorkflow.TypeName, "heavy-end");
        await h.Runtime.SuspendAsync("heavy-end");

        // A step of some 3.2 MiB on the wire ends the instance; 18 events wait behind it, each with a 48 KiB reply
        // (64 KiB base64): all of them in its transaction would pass Azure's 4 MiB.
        await h.Runtime.RaiseEventAsync("heavy-end", "heavy-finish", Json(new { sends = 3, chars = 800_000 }), "end");
        var reply = new RefusalReply(UniqueNames.Queue("refused"), new string('r', RefusalReply.MaxBodyBytes));
        for (var i = 0; i < 18; i++)
        {
            await h.Runtime.RaiseEventAsync("heavy-end", "touch", null, $"t{i}", new RequestContext(OnRefusal: reply));
        }

        await h.Runtime.ResumeAsync("heavy-end");

        Assert.Equal(RuntimeStatus.Completed, (await h.Runtime.GetStatusAsync("heavy-end"))!.RuntimeStatus);
        Assert.Empty(await InboxAsync(h, "heavy-end"));
        for (var i = 0; i < 18; i++)
        {
            Assert.Equal(EventResult.Refused, (await h.Runtime.GetEventOutcomeAsync("heavy-end", $"t{i}"))!.Result);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task HostStoppedAfterTheEnd_BeforeTheDiscards_TheSweepRecordsAndDeletesThem()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "cut");
        await h.Runtime.SuspendAsync("cut");
        await h.Runtime.RaiseEventAsync("cut", "add", Json(new { amount = 1 }), "a1");
        var record = (await h.Runtime.Store.LoadAsync("cut", CancellationToken.None))!;
        var planner = new Guichet.Runtime.Steps.StepPlanner(null, h.Runtime.Chain, h.FakeClock.GetUtcNow());

        // The terminating step committed alone, as by a host that stopped before the inbox was dealt with.
        await h.Runtime.Store.CommitAsync(planner.Control(record, HistoryKind.Terminated, RuntimeStatus.Terminated, "arrêt", null), CancellationToken.None);
        var swept = await h.Runtime.SweepOutboxAsync();

        Assert.True(swept >= 1);
        Assert.Equal(HistoryKind.Rejected, (await h.Runtime.GetWholeHistoryAsync("cut"))![^1].Kind);
        Assert.Empty(await InboxAsync(h, "cut"));
        Assert.True((await h.Runtime.VerifyHistoryAsync("cut"))!.IsIntact);
    }
}
