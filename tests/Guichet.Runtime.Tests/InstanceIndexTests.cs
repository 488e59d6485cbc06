using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// The instance list is a read model: it follows status changes, loses purged instances, and never reads the instances
/// table; listed by runtime status, a page reads one status partition, where each instance has one row, of its last status.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class InstanceIndexTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task List_FollowsStatusChanges_AndAPurgedInstanceLeavesIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        foreach (var id in new[] { "ix-a", "ix-b", "ix-c" })
        {
            await h.Runtime.StartAsync(TypeName, id);
        }

        await h.Runtime.SuspendAsync("ix-b");
        await h.Runtime.RaiseEventAsync("ix-c", "add", Json(new { amount = 1 }), "a1");
        await h.Runtime.RaiseEventAsync("ix-c", "finish", null, "f1");
        var suspended = await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Suspended]));
        var completed = await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Completed], TypeName));
        await h.Runtime.PurgeAsync("ix-c");
        var left = await h.Runtime.QueryInstancesAsync(new InstanceQuery(InstanceIdPrefix: "ix-"));

        Assert.Equal(["ix-b"], suspended.Instances.Select(s => s.InstanceId));
        var done = Assert.Single(completed.Instances);
        Assert.Equal("ix-c", done.InstanceId);
        Assert.Equal("Finished", done.CustomStatus);
        Assert.Equal(3, done.HistoryLength);
        Assert.Equal(RuntimeHarness.Epoch, done.CreatedAt);
        Assert.Equal(["ix-a", "ix-b"], left.Instances.Select(s => s.InstanceId));
    }

    [Fact(Timeout = 30_000)]
    public async Task ListedSummary_IsNotRefreshed_ByAStepThatChangesNeitherTimersNorBufferedEventsNorWhatItWaitsFor()
    {
        var counter = new RequestCounter();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(counter));
        await h.Runtime.StartAsync(TypeName, "plain");
        await h.Runtime.RaiseEventAsync("plain", "cancel", Json(new { name = "none" }), "c0");
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));

        // Its status stays "Cancelled", it had no timer and has none: nothing the list shows moves but its history.
        var before = counter.Count;
        await h.Runtime.RaiseEventAsync("plain", "cancel", Json(new { name = "nothing" }), "c1");

        // The state read and the step's transaction only: the path every event takes carries no refresh of the list.
        Assert.Equal(2, counter.Count - before);
        Assert.Equal((await h.Runtime.GetStatusAsync("plain"))!.HistoryLength, (await ListedAsync(h, "plain")).HistoryLength + 1);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListedSummary_IsCurrentAfterEveryStepThatChangesItsTimersOrBufferedEvents_WhenTheStatusStays()
    {
        var counter = new RequestCounter();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(counter));
        await h.Runtime.StartAsync(TypeName, "moving");
        await h.Runtime.RaiseEventAsync("moving", "schedule", Json(new { name = "soon", dueAt = RuntimeHarness.Epoch.AddDays(1) }), "s1");
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));

        // The status stays "Waiting": no projection of the summary, which the list still shows current.
        var before = counter.Count;
        await h.Runtime.RaiseEventAsync("moving", "schedule", Json(new { name = "later", dueAt = RuntimeHarness.Epoch.AddDays(2) }), "s2");
        var scheduleCost = counter.Count - before;
        var afterSchedule = await ListedAsync(h);

        await h.Runtime.SuspendAsync("moving");
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        before = counter.Count;
        await h.Runtime.RaiseEventAsync("moving", "add", Json(new { amount = 1 }), "a1");
        var bufferCost = counter.Count - before;
        var afterBuffer = await ListedAsync(h);
        var exact = (await h.Runtime.GetStatusAsync("moving"))!;

        Assert.Equal(2, afterSchedule.PendingTimers.Count);
        Assert.Equal(3, afterSchedule.HistoryLength);
        Assert.Equal(RuntimeHarness.Epoch.AddMinutes(1), afterSchedule.LastUpdatedAt);
        Assert.Equal(1, afterBuffer.BufferedEvents);
        Assert.Equal(exact.HistoryLength, afterBuffer.HistoryLength);
        Assert.Equal(exact.LastUpdatedAt, afterBuffer.LastUpdatedAt);
        Assert.Equal("Suspended", afterBuffer.RuntimeStatus.ToString());

        // Such a step: the state read, its mark, the transaction, the summary's read and merge on its ETag, the outbox
        // read back, its timer row, its outbox and its mark cleared; a buffered event: a read, a transaction, the
        // summary's read and merge (2 before the list followed every step, 3 before the merge was guarded by a read).
        Assert.Equal(9, scheduleCost);
        Assert.Equal(4, bufferCost);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListedSummary_NeverGoesBackInTime_WhenAnEarlierStepsRefreshLandsLate()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "moving");
        await h.Runtime.RaiseEventAsync("moving", "schedule", Json(new { name = "soon", dueAt = RuntimeHarness.Epoch.AddDays(1) }), "s1");
        var first = (await h.Runtime.Store.LoadAsync("moving", CancellationToken.None))!;
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await h.Runtime.RaiseEventAsync("moving", "schedule", Json(new { name = "later", dueAt = RuntimeHarness.Epoch.AddDays(2) }), "s2");
        var second = (await h.Runtime.Store.LoadAsync("moving", CancellationToken.None))!;

        // The first step's refresh, delayed (SDK retries), arrives after the second's.
        await h.Runtime.InstanceList.RefreshAsync(new(first, false), CancellationToken.None);
        var afterLateRefresh = await ListedAsync(h);

        // The last step completes the instance: no step after it would correct a late refresh.
        await h.Runtime.RaiseEventAsync("moving", "finish", null, "f1");
        var completed = (await h.Runtime.Store.LoadAsync("moving", CancellationToken.None))!;
        await h.Runtime.InstanceList.RefreshAsync(new(second, false), CancellationToken.None);
        var afterCompletion = await ListedAsync(h);

        Assert.Equal(second.LastSequence, afterLateRefresh.HistoryLength);
        Assert.Equal(2, afterLateRefresh.PendingTimers.Count);
        Assert.Equal(RuntimeHarness.Epoch.AddMinutes(1), afterLateRefresh.LastUpdatedAt);
        Assert.Equal(RuntimeStatus.Completed, afterCompletion.RuntimeStatus);
        Assert.Equal(completed.LastSequence, afterCompletion.HistoryLength);
        Assert.Equal(completed.Timers.Count, afterCompletion.PendingTimers.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListedSummary_OfAStatusChangeLandingAfterTheNextStepsRefresh_TakesItsStatus_AndKeepsTheLaterMovingColumns()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "moving");
        var beforeSuspension = (await h.Runtime.InstanceList.Index.GetEntityAsync<TableEntity>(TypeName, "moving")).Value;
        await h.Runtime.SuspendAsync("moving");
        var suspended = (await h.Runtime.Store.LoadAsync("moving", CancellationToken.None))!;

        // The suspension's summary has not landed yet (its host is slow): the row is as before it. Another host commits
        // the next step, which buffers an event, and refreshes the row; then the suspension's summary lands.
        await h.Runtime.InstanceList.Index.UpsertEntityAsync(beforeSuspension, TableUpdateMode.Replace);
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await h.Runtime.RaiseEventAsync("moving", "add", Json(new { amount = 1 }), "a1");
        var exact = (await h.Runtime.GetStatusAsync("moving"))!;
        await h.Runtime.Dispatcher.DispatchAsync("moving", [InstanceIndex.Item(suspended, 0, RuntimeStatus.Running)], 0, CancellationToken.None);
        var listed = await ListedAsync(h);

        Assert.Equal(RuntimeStatus.Suspended, listed.RuntimeStatus);
        Assert.Equal(1, listed.BufferedEvents);
        Assert.Equal(exact.HistoryLength, listed.HistoryLength);
        Assert.Equal(exact.LastUpdatedAt, listed.LastUpdatedAt);
        Assert.Equal(["moving"], (await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Suspended], TypeName))).Instances.Select(s => s.InstanceId));
        Assert.Empty((await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Running], TypeName))).Instances);
    }

    private static async Task<InstanceStatus> ListedAsync(RuntimeHarness h, string prefix = "moving") =>
        Assert.Single((await h.Runtime.QueryInstancesAsync(new InstanceQuery(WorkflowType: TypeName, InstanceIdPrefix: prefix))).Instances);

    [Fact(Timeout = 30_000)]
    public async Task List_IsServedFromTheIndex_InOneRequestPerPage()
    {
        var counter = new RequestCounter();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(counter));
        for (var i = 0; i < 5; i++)
        {
            await h.Runtime.StartAsync(TypeName, $"one-{i}");
        }

        // The state row goes behind the runtime's back: the list, a read model, does not notice.
        await h.Runtime.Store.Table.DeleteEntityAsync("one-0", Guichet.Runtime.Storage.RowKeys.State);
        var before = counter.Count;
        var page = await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Running], TypeName, InstanceIdPrefix: "one-"), pageSize: 10);

        Assert.Equal(1, counter.Count - before);
        Assert.Equal(5, page.Instances.Count);
        Assert.Null(page.ContinuationToken);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListByStatus_WithoutAType_ReadsOnlyThatStatusPartition_PageAfterPage()
    {
        var hub = UniqueNames.Hub();
        var filters = new FilterLog(hub + "InstanceByStatus");
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, clients: azurite.Azurite.Clients(filters),
            workflows: [new Workflows.ProbeWorkflow(), new Workflows.ShelfWorkflow()]);
        for (var i = 0; i < 12; i++)
        {
            await h.Runtime.StartAsync(Workflows.ShelfWorkflow.TypeName, $"done-{i:D2}");
            await h.Runtime.TerminateAsync($"done-{i:D2}", "fin");
        }

        foreach (var id in new[] { "st-a", "st-b", "st-c" })
        {
            await h.Runtime.StartAsync(TypeName, id);
        }

        await h.Runtime.SuspendAsync("st-b");
        var pages = new List<InstancePage>();
        string? token = null;
        do
        {
            pages.Add(await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Suspended, RuntimeStatus.Running]), token, pageSize: 1));
            token = pages[^1].ContinuationToken;
        }
        while (token is not null && pages.Count < 10);

        Assert.Equal(["st-a", "st-c", "st-b"], pages.SelectMany(p => p.Instances).Select(s => s.InstanceId));
        Assert.Equal(RuntimeStatus.Suspended, pages.SelectMany(p => p.Instances).Single(s => s.InstanceId == "st-b").RuntimeStatus);
        Assert.Equal(pages.Count, filters.Filters.Count);
        Assert.All(filters.Filters, f => Assert.Matches(@"^\(PartitionKey eq '(Running|Suspended)'", f));
        var terminated = await h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Terminated], Workflows.ShelfWorkflow.TypeName, InstanceIdPrefix: "done-0"), pageSize: 100);
        Assert.Equal(10, terminated.Instances.Count);
        Assert.Equal(400, (await Assert.ThrowsAsync<Azure.RequestFailedException>(() => h.Runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Running]), "Completed|x"))).Status);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListByStatus_HoldsAnInstanceOnlyUnderItsLastStatus_WhateverOrderItsRowsComeIn()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "moving");
        await h.Runtime.SuspendAsync("moving");
        var suspended = (await h.Runtime.Store.LoadAsync("moving", CancellationToken.None))!;
        await h.Runtime.ResumeAsync("moving");

        // The suspension's row carried out again after the resumption's, as a slow host would.
        var late = InstanceIndex.Item(suspended, 0, RuntimeStatus.Running);
        await h.Runtime.Dispatcher.DispatchAsync("moving", [late], 0, CancellationToken.None);
        var afterLateCopy = await ListedUnderAsync(h, "moving");
        await h.Runtime.RaiseEventAsync("moving", "finish", null, "f1");
        var afterCompletion = await ListedUnderAsync(h, "moving");
        await h.Runtime.PurgeAsync("moving");

        Assert.Equal([RuntimeStatus.Running], afterLateCopy);
        Assert.Equal([RuntimeStatus.Completed], afterCompletion);
        Assert.Empty(await ListedUnderAsync(h, "moving"));
    }

    private static async Task<List<RuntimeStatus>> ListedUnderAsync(RuntimeHarness h, string instanceId)
    {
        var page = await h.Runtime.QueryInstancesAsync(new InstanceQuery(Enum.GetValues<RuntimeStatus>(), InstanceIdPrefix: instanceId), pageSize: 1000);
        var statuses = new List<RuntimeStatus>(page.Instances.Select(s => s.RuntimeStatus));
        for (var token = page.ContinuationToken; token is not null;)
        {
            var next = await h.Runtime.QueryInstancesAsync(new InstanceQuery(Enum.GetValues<RuntimeStatus>(), InstanceIdPrefix: instanceId), token, 1000);
            statuses.AddRange(next.Instances.Select(s => s.RuntimeStatus));
            token = next.ContinuationToken;
        }

        return statuses;
    }
}
