using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>A malformed or refused event never kills an instance: it is refused with its reason, and nothing changes.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RefusalTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task PayloadThatDoesNotBind_RefusedNamingTheField_NothingCommitted()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "malformed");

        var wrongType = await h.Runtime.RaiseEventAsync("malformed", "add", JsonDocument.Parse("""{"amount":"beaucoup"}""").RootElement, "m1");
        var missing = await h.Runtime.RaiseEventAsync("malformed", "add", Json(new { text = "no amount" }), "m2");
        var extra = await h.Runtime.RaiseEventAsync("malformed", "add", Json(new { amount = 1, amont = 2 }), "m3");

        Assert.Equal(RaiseResult.Invalid, wrongType.Result);
        Assert.Contains("'amount'", wrongType.Reason, StringComparison.Ordinal);
        Assert.Equal(RaiseResult.Invalid, missing.Result);
        Assert.Contains("amount", missing.Reason, StringComparison.Ordinal);
        Assert.Equal(RaiseResult.Invalid, extra.Result);
        Assert.Contains("amont", extra.Reason, StringComparison.Ordinal);
        var status = (await h.Runtime.GetStatusAsync("malformed"))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal(1, status.HistoryLength);

        // The event id was not consumed: the corrected event goes through under it.
        Assert.Equal(RaiseResult.Applied, (await h.Runtime.RaiseEventAsync("malformed", "add", Json(new { amount = 1 }), "m1")).Result);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnknownEventName_RefusedListingTheWorkflowsEvents()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "unknown");

        var outcome = await h.Runtime.RaiseEventAsync("unknown", "subtract", Json(new { amount = 1 }), "u1");

        Assert.Equal(RaiseResult.Invalid, outcome.Result);
        Assert.Contains("no event 'subtract'", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("add", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await h.Runtime.GetStatusAsync("unknown"))!.HistoryLength);
    }

    [Fact(Timeout = 30_000)]
    public async Task RuleThatSaysNo_RejectedWithItsReason_InstanceUnchanged()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "ruled");
        await h.Runtime.RaiseEventAsync("ruled", "add", Json(new { amount = 2 }), "a1");

        var outcome = await h.Runtime.RaiseEventAsync("ruled", "refuse", Json(new { why = "La commission est close." }), "r1");

        Assert.Equal(RaiseResult.Rejected, outcome.Result);
        Assert.Equal("La commission est close.", outcome.Reason);
        var status = (await h.Runtime.GetStatusAsync("ruled", withData: true))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal("Count1", status.CustomStatus);
        Assert.Equal(2, status.HistoryLength);
        Assert.DoesNotContain("r1", status.State!.Value.GetProperty("applied").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerRejectedOrUnbound_RecordedAsNotApplied_InstanceRunsOn()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "timed");
        await h.Runtime.RaiseEventAsync("timed", "schedule", Json(new { name = "refuse", dueAt = RuntimeHarness.Epoch.AddDays(1), refuseWith = "Trop tard." }), "s1");
        h.FakeClock.Advance(TimeSpan.FromDays(2));

        await h.Runtime.FireDueTimersAsync();

        var status = (await h.Runtime.GetStatusAsync("timed"))!;
        Assert.Equal(RuntimeStatus.Running, status.RuntimeStatus);
        Assert.Empty(status.PendingTimers);
        var last = (await h.Runtime.GetWholeHistoryAsync("timed"))![^1];
        Assert.Equal(HistoryKind.Rejected, last.Kind);
        Assert.Equal("Trop tard.", last.Reason);
        Assert.Equal("Waiting", last.StatusAfter);
        Assert.True((await h.Runtime.VerifyHistoryAsync("timed"))!.IsIntact);
        Assert.Equal(RaiseResult.Applied, (await h.Runtime.RaiseEventAsync("timed", "add", Json(new { amount = 1 }), "a1")).Result);
    }

    [Fact(Timeout = 30_000)]
    public async Task BufferedEventRefusedAtResume_RecordedAsNotApplied_TheNextOnesApplied()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "paused");
        await h.Runtime.SuspendAsync("paused");
        await h.Runtime.RaiseEventAsync("paused", "refuse", Json(new { why = "Non." }), "r1");
        await h.Runtime.RaiseEventAsync("paused", "add", Json(new { amount = 3 }), "a1");

        await h.Runtime.ResumeAsync("paused");

        var history = (await h.Runtime.GetWholeHistoryAsync("paused"))!;
        Assert.Equal([HistoryKind.Started, HistoryKind.Suspended, HistoryKind.Resumed, HistoryKind.Rejected, HistoryKind.EventApplied], history.Select(e => e.Kind));
        Assert.Equal("Non.", history[3].Reason);
        Assert.Equal(0, (await h.Runtime.GetStatusAsync("paused"))!.BufferedEvents);
    }

    [Fact(Timeout = 30_000)]
    public async Task EventRefusedByItsTarget_ToldToTheSender_AsDeliveryFailed()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new RelayWorkflow(), new ProbeWorkflow()]);
        await h.Runtime.StartAsync(TypeName, "target");
        await h.Runtime.StartAsync(RelayWorkflow.TypeName, "sender");

        await h.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "target", eventName = "subtract" }), "s1");
        await h.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "nobody", eventName = "add" }), "s2");

        var state = (await h.Runtime.GetStatusAsync("sender", withData: true))!.State!.Value;
        var refusals = state.GetProperty("refusals").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains("no event 'subtract'", refusals[0], StringComparison.Ordinal);
        Assert.Contains("does not exist", refusals[1], StringComparison.Ordinal);
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
        Assert.Equal(1, (await h.Runtime.GetStatusAsync("target"))!.HistoryLength);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeliveryNoticeTheSenderRefuses_StillRecordedInItsHistory()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new RelayWorkflow(), new ProbeWorkflow()]);
        await h.Runtime.StartAsync(TypeName, "target");
        await h.Runtime.StartAsync(RelayWorkflow.TypeName, "sender");

        await h.Runtime.RaiseEventAsync("sender", "relay", Json(new { target = "target", eventName = "unheard" }), "s1");

        var last = (await h.Runtime.GetWholeHistoryAsync("sender"))![^1];
        Assert.Equal(HistoryKind.DeliveryFailed, last.Kind);
        Assert.Contains("no event 'unheard'", last.Reason, StringComparison.Ordinal);
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
    }
}
