using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class ControlTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task Suspend_BuffersEventsAndTimers_ResumeAppliesThemInOrder()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "pause");
        await h.Runtime.RaiseEventAsync("pause", "schedule", Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddHours(1) }), "s1");

        var suspended = await h.Runtime.SuspendAsync("pause", "enquête", new RequestContext("ars:bob"));
        var buffered = await h.Runtime.RaiseEventAsync("pause", "add", Json(new { amount = 2 }), "a1");
        await h.Runtime.RaiseEventAsync("pause", "add", Json(new { amount = 3 }), "a2");
        h.FakeClock.Advance(TimeSpan.FromHours(2));
        await h.Runtime.FireDueTimersAsync();
        var whileSuspended = await h.Runtime.GetStatusAsync("pause", withData: true);

        Assert.Equal(ControlResult.Done, suspended.Result);
        Assert.Equal(RaiseResult.Buffered, buffered.Result);
        Assert.Equal(RuntimeStatus.Suspended, whileSuspended!.RuntimeStatus);
        Assert.Equal(3, whileSuspended.BufferedEvents);
        Assert.Equal(0, whileSuspended.State!.Value.GetProperty("total").GetInt32());

        var resumed = await h.Runtime.ResumeAsync("pause", null, new RequestContext("ars:bob"));
        var after = await h.Runtime.GetStatusAsync("pause", withData: true);

        Assert.Equal(ControlResult.Done, resumed.Result);
        Assert.Equal(RuntimeStatus.Running, after!.RuntimeStatus);
        Assert.Equal(0, after.BufferedEvents);
        Assert.Equal(5, after.State!.Value.GetProperty("total").GetInt32());
        var kinds = (await h.Runtime.GetWholeHistoryAsync("pause"))!.Select(e => e.Kind).ToList();
        Assert.Equal(
            [HistoryKind.Started, HistoryKind.EventApplied, HistoryKind.Suspended, HistoryKind.Resumed, HistoryKind.EventApplied, HistoryKind.EventApplied, HistoryKind.TimerFired],
            kinds);
        Assert.True((await h.Runtime.VerifyHistoryAsync("pause"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task Terminate_CancelsTimers_RecordsReason_ThenRefusesEventsWith410Semantics()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "stop");
        await h.Runtime.RaiseEventAsync("stop", "schedule", Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddDays(3) }), "s1");

        var terminated = await h.Runtime.TerminateAsync("stop", "doublon", new RequestContext("ars:alice"));
        var again = await h.Runtime.TerminateAsync("stop", "doublon");
        var late = await h.Runtime.RaiseEventAsync("stop", "add", Json(new { amount = 1 }), "late");
        h.FakeClock.Advance(TimeSpan.FromDays(4));
        var next = await h.Runtime.FireDueTimersAsync();

        Assert.Equal(ControlResult.Done, terminated.Result);
        Assert.Equal(RuntimeStatus.Terminated, terminated.Status!.RuntimeStatus);
        Assert.Empty(terminated.Status.PendingTimers);
        Assert.Equal(ControlResult.Finished, again.Result);
        Assert.Equal(RaiseResult.Finished, late.Result);
        Assert.Null(next);
        var last = (await h.Runtime.GetWholeHistoryAsync("stop"))![^1];
        Assert.Equal(HistoryKind.Terminated, last.Kind);
        Assert.Equal("doublon", last.Reason);
        Assert.Equal("ars:alice", last.Actor);
    }

    [Fact(Timeout = 30_000)]
    public async Task Purge_RefusesRunning_DeletesFinishedWithWholeHistory()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "old");
        await h.Runtime.RaiseEventAsync("old", "add", Json(new { amount = 1 }), "a1");

        var whileRunning = await h.Runtime.PurgeAsync("old");
        await h.Runtime.RaiseEventAsync("old", "finish", null, "f1");
        var purged = await h.Runtime.PurgeAsync("old");
        var missing = await h.Runtime.PurgeAsync("old");

        Assert.Equal(ControlResult.InvalidState, whileRunning.Result);
        Assert.Equal(ControlResult.Done, purged.Result);
        Assert.Equal(ControlResult.NotFound, missing.Result);
        Assert.Null(await h.Runtime.GetStatusAsync("old"));
        Assert.Null(await h.Runtime.GetWholeHistoryAsync("old"));
        var rows = h.Runtime.Store.Table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"old"}"));
        Assert.Empty(await rows.ToListAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task ScheduledStart_PendingUntilDue_BuffersEvents_ThenStarts()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        var startAt = RuntimeHarness.Epoch.AddDays(2);

        var scheduled = await h.Runtime.StartAsync(TypeName, "later", context: new RequestContext("prescriber:7"), startAt: startAt);
        var early = await h.Runtime.RaiseEventAsync("later", "add", Json(new { amount = 4 }), "a1");
        h.FakeClock.Advance(TimeSpan.FromDays(2));
        await h.Runtime.FireDueTimersAsync();
        var status = await h.Runtime.GetStatusAsync("later", withData: true);

        Assert.Equal(StartResult.Scheduled, scheduled.Result);
        Assert.Equal(RuntimeStatus.Pending, scheduled.Status!.RuntimeStatus);
        Assert.Equal(RaiseResult.Buffered, early.Result);
        Assert.Equal(RuntimeStatus.Running, status!.RuntimeStatus);
        Assert.Equal(4, status.State!.Value.GetProperty("total").GetInt32());
        Assert.Equal(startAt, status.State.Value.GetProperty("startedAt").GetDateTimeOffset());
        var started = Assert.Single((await h.Runtime.GetWholeHistoryAsync("later"))!, e => e.Kind == HistoryKind.Started);
        Assert.Equal("prescriber:7", started.Actor);
    }

    [Fact(Timeout = 60_000)]
    public async Task Query_ByPrefixStatusTypeAndTime_PagesWithContinuationToken()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        for (var i = 0; i < 12; i++)
        {
            await h.Runtime.StartAsync(TypeName, $"act-{i:D2}");
            h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        }

        await h.Runtime.StartAsync(TypeName, "lhss-1");
        await h.Runtime.TerminateAsync("act-03", "test");

        var all = new List<InstanceStatus>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await h.Runtime.QueryInstancesAsync(new InstanceQuery(InstanceIdPrefix: "act-"), token, pageSize: 5);
            all.AddRange(page.Instances);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(12, all.Count);
        Assert.True(pages >= 3);
        Assert.All(all, s => Assert.StartsWith("act-", s.InstanceId, StringComparison.Ordinal));
        var terminated = await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Terminated]));
        Assert.Equal("act-03", Assert.Single(terminated.Instances).InstanceId);
        var window = await h.Runtime.QueryInstancesAsync(new InstanceQuery(CreatedFrom: RuntimeHarness.Epoch.AddMinutes(2), CreatedTo: RuntimeHarness.Epoch.AddMinutes(5), WorkflowType: TypeName));
        Assert.Equal(["act-02", "act-03", "act-04"], window.Instances.Select(s => s.InstanceId));
        var none = await h.Runtime.QueryInstancesAsync(new InstanceQuery(WorkflowType: "other"));
        Assert.Empty(none.Instances);
    }

    [Fact(Timeout = 30_000)]
    public async Task TimerDueWhileSuspended_CancelledByAnEventBufferedBeforeIt_DoesNotFireOnResume()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "answered");
        await h.Runtime.RaiseEventAsync("answered", "schedule", Json(new { name = "deadline", dueAt = RuntimeHarness.Epoch.AddDays(15) }), "s1");
        await h.Runtime.SuspendAsync("answered");

        // The prescriber answers in time (the answer cancels the deadline), but both wait in the inbox.
        await h.Runtime.RaiseEventAsync("answered", "cancel", Json(new { name = "deadline" }), "answer");
        h.FakeClock.Advance(TimeSpan.FromDays(16));
        await h.Runtime.FireDueTimersAsync();
        await h.Runtime.ResumeAsync("answered");

        var status = await h.Runtime.GetStatusAsync("answered", withData: true);
        Assert.Equal(0, status!.State!.Value.GetProperty("fired").GetArrayLength());
        Assert.Empty(status.PendingTimers);
        Assert.Equal(0, status.BufferedEvents);
        Assert.DoesNotContain((await h.Runtime.GetWholeHistoryAsync("answered"))!, e => e.Kind == HistoryKind.TimerFired);
        Assert.True((await h.Runtime.VerifyHistoryAsync("answered"))!.IsIntact);
    }

    [Fact(Timeout = 60_000)]
    public async Task Terminate_WithMoreTimersThanOneTransactionHolds_SucceedsAndLeftoverTimersFireAsIgnored()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "busy");
        for (var i = 0; i < 120; i++)
        {
            await h.Runtime.RaiseEventAsync("busy", "schedule", Json(new { name = $"t{i}", dueAt = RuntimeHarness.Epoch.AddDays(1) }), $"s{i}");
        }

        var terminated = await h.Runtime.TerminateAsync("busy", "doublon");
        h.FakeClock.Advance(TimeSpan.FromDays(2));
        var next = await h.Runtime.FireDueTimersAsync();

        Assert.Equal(ControlResult.Done, terminated.Result);
        Assert.Empty(terminated.Status!.PendingTimers);
        Assert.Null(next);
        Assert.Equal(RuntimeStatus.Terminated, (await h.Runtime.GetStatusAsync("busy"))!.RuntimeStatus);
        Assert.True((await h.Runtime.VerifyHistoryAsync("busy"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task Purge_WhileAnEffectCannotBeCarriedOut_KeepsTheInstance()
    {
        var faults = new StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(faults));
        await h.Runtime.StartAsync(TypeName, "target");
        await h.Runtime.StartAsync(TypeName, "sender");
        faults.Fail("'target'");
        await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "target", amount = 1 }), "f1");
        await h.Runtime.RaiseEventAsync("sender", "finish", null, "done");

        var purge = await h.Runtime.PurgeAsync("sender");

        Assert.Equal(ControlResult.InvalidState, purge.Result);
        Assert.NotNull(await h.Runtime.GetStatusAsync("sender"));
        Assert.NotEmpty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));

        faults.Heal();
        Assert.Equal(ControlResult.Done, (await h.Runtime.PurgeAsync("sender")).Result);
        Assert.Equal(2, (await h.Runtime.GetStatusAsync("target"))!.HistoryLength);
    }
}
