using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Schedules;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class ReadModelTests(AzuriteFixture azurite)
{
    private Task<RuntimeHarness> CreateAsync() => RuntimeHarness.CreateAsync(azurite, workflows: [new ShelfWorkflow(), new ProbeWorkflow()]);

    [Fact(Timeout = 30_000)]
    public async Task Project_LateCopyOfAnEarlierStep_DoesNotOverwriteALaterOne()
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("k", "first")), "p1");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("k", "second")), "p2");

        // The first put's outbox item carried out again, after the second's: a host that was slow, or a sweep.
        await h.Runtime.Dispatcher.DispatchAsync("s1", [LateCopy(2, new Put("k", "first"))], 0, CancellationToken.None);

        var row = await h.Runtime.ReadModel(ShelfWorkflow.Table).GetAsync("p", "k");
        Assert.Equal("second", row!.GetString("label"));
        Assert.Equal(3, row.GetInt64("_Sequence"));
        Assert.Equal("s1", row.GetString("_Owner"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Project_OfARowAnotherInstanceOwns_IsRefused_InTheWritersHistory_AndTheRowStaysTheOwners()
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "owner");
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "intruder");
        await h.Runtime.RaiseEventAsync("owner", "put", Json(new Put("k", "mine")), "p1");

        var outcome = await h.Runtime.RaiseEventAsync("intruder", "put", Json(new Put("k", "theirs")), "p1");
        await h.Runtime.RaiseEventAsync("intruder", "take", Json(new Take("k")), "t1");

        Assert.Equal(RaiseResult.Applied, outcome.Result);
        var row = (await h.Runtime.ReadModel(ShelfWorkflow.Table).GetAsync("p", "k"))!;
        Assert.Equal(("mine", "owner"), (row.GetString("label"), row.GetString("_Owner")));
        var refused = (await h.Runtime.GetWholeHistoryAsync("intruder"))!.Where(e => e.Kind == HistoryKind.DeliveryFailed).ToList();
        Assert.Equal(2, refused.Count); // the write and the removal alike
        Assert.All(refused, e => Assert.Contains("belongs to instance 'owner'", e.Reason, StringComparison.Ordinal));
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("intruder", CancellationToken.None));
    }

    [Fact(Timeout = 30_000)]
    public async Task Remove_LeavesATombstone_ThatALateCopyCannotUndo()
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("k", "there")), "p1");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("other", "stays")), "p2");
        await h.Runtime.RaiseEventAsync("s1", "take", Json(new Take("k")), "t1");

        await h.Runtime.Dispatcher.DispatchAsync("s1", [LateCopy(2, new Put("k", "there"))], 0, CancellationToken.None);

        var model = h.Runtime.ReadModel(ShelfWorkflow.Table);
        Assert.Null(await model.GetAsync("p", "k"));
        var page = await model.QueryAsync();
        Assert.Equal(["other"], page.Rows.Select(r => r.RowKey));
        var tombstone = (await h.Runtime.Storage.Tables.GetTableClient(model.TableName).GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "k")).Value;
        Assert.True(tombstone.GetBoolean("_Removed"));
        Assert.Null(tombstone.GetString("label"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Project_Columns_FollowTheJsonRules()
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");

        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("k", "jar", Count: 3, Weight: 1.5, Fragile: true, Tags: ["glass", "food"])), "p1");

        var row = (await h.Runtime.ReadModel(ShelfWorkflow.Table).QueryAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"count eq {3L}"))).Rows.Single();
        Assert.Equal("jar", row["label"]);
        Assert.Equal(3L, row["count"]);
        Assert.Equal(1.5, row["weight"]);
        Assert.Equal(true, row["fragile"]);
        Assert.Equal("""["glass","food"]""", row["tags"]);
        Assert.False(row.ContainsKey("note"));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("Instances")]
    [InlineData("InstanceIndex")]
    [InlineData("bad-name")]
    [InlineData("ThisNameIsMuchTooLongForOne")]
    public async Task Project_IntoAReservedOrInvalidTable_FailsTheInstanceWithTheReason(string table)
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");

        var outcome = await h.Runtime.RaiseEventAsync("s1", "put-into", Json(new PutInto(table)), "p1");

        Assert.Equal(RaiseResult.Failed, outcome.Result);
        Assert.Contains(table, outcome.Status!.Error, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(300, 8, "252 properties")] // short columns, too many of them
    [InlineData(20, 30_000, "an entity holds at most 1048576")] // 1.2 MB as Azure counts it, though its JSON is 600 KB
    public async Task Project_OfARowAzureWouldRefuse_FailsTheInstanceWithTheLimit_AndWritesNothing(int columns, int chars, string limit)
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");

        var outcome = await h.Runtime.RaiseEventAsync("s1", "put-wide", Json(new PutWide(columns, chars)), "w1");

        Assert.Equal(RaiseResult.Failed, outcome.Result);
        Assert.Equal(RuntimeStatus.Failed, outcome.Status!.RuntimeStatus);
        Assert.Contains(limit, outcome.Status.Error, StringComparison.Ordinal);
        Assert.Contains("'Shelf'", outcome.Status.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await h.Runtime.Store.ReadOutboxAsync("s1", CancellationToken.None), i => i.Kind == OutboxKind.Project && i.Target == ShelfWorkflow.Table);
        await h.Runtime.SweepOutboxAsync();
        Assert.Empty((await h.Runtime.ReadModel(ShelfWorkflow.Table).QueryAsync(null)).Rows);
    }

    [Fact(Timeout = 30_000)]
    public async Task CrashAfterCommit_LeavesAMark_AndTheSweepFinishesTheProjection()
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "crashy");
        var record = (await h.Runtime.Store.LoadAsync("crashy", CancellationToken.None))!;
        var planner = new Guichet.Runtime.Steps.StepPlanner(new Guichet.Runtime.Workflows.WorkflowRegistry([new ShelfWorkflow()]).Get(ShelfWorkflow.TypeName), h.Runtime.Chain, h.FakeClock.GetUtcNow());
        var step = planner.Apply(record, new("put", Json(new Put("k", "late")), "p1", Guichet.Deciders.EventOrigin.External, null), null, null, 1);

        // A host that dies right after the commit: the mark and the outbox row are there, the row is not.
        Assert.Equal(CommitResult.Committed, (await h.Runtime.Store.CommitAsync(step.Commit!, CancellationToken.None)).Result);
        var marked = await h.Runtime.Store.Marks.AllAsync(CancellationToken.None).ToListAsync();
        var model = h.Runtime.ReadModel(ShelfWorkflow.Table);
        Assert.Null(await model.GetAsync("p", "k"));
        var swept = await h.Runtime.SweepOutboxAsync();

        Assert.Equal([PendingMarks.OutboxKey("crashy", 2)], marked.Select(m => m.RowKey));
        Assert.Equal(1, swept);
        Assert.Equal("late", (await model.GetAsync("p", "k"))!.GetString("label"));
        Assert.Empty(await h.Runtime.Store.Marks.AllAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("crashy", CancellationToken.None));
    }

    [Fact(Timeout = 30_000)]
    public async Task Project_OfAnInstanceStartedAgainAfterItsPurge_WinsOverTheRowsItsNamesakeLeft()
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");
        for (var i = 0; i < 3; i++)
        {
            await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("k", $"old-{i}")), $"p{i}");
        }

        await h.Runtime.TerminateAsync("s1", "fin");
        Assert.Equal(ControlResult.Done, (await h.Runtime.PurgeAsync("s1")).Result);
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("k", "new")), "p0");
        var written = (await h.Runtime.ReadModel(ShelfWorkflow.Table).GetAsync("p", "k"))!.GetString("label");

        // A copy of the namesake's last put, carried out late by a slow host: the older generation loses.
        await h.Runtime.Dispatcher.DispatchAsync("s1", [LateCopy(4, new Put("k", "old-2")) with { Generation = RuntimeHarness.Epoch.UtcTicks }], 0, CancellationToken.None);

        Assert.Equal("new", written);
        Assert.Equal("new", (await h.Runtime.ReadModel(ShelfWorkflow.Table).GetAsync("p", "k"))!.GetString("label"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Tombstone_IsCollectedOnceItsRetentionIsOver_AsDueWork_UnlessItsRowCameBack()
    {
        await using var h = await CreateAsync();
        await h.Runtime.StartAsync(ShelfWorkflow.TypeName, "s1");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("gone", "a")), "p1");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("back", "b")), "p2");
        await h.Runtime.RaiseEventAsync("s1", "take", Json(new Take("gone")), "t1");
        await h.Runtime.RaiseEventAsync("s1", "take", Json(new Take("back")), "t2");
        await h.Runtime.RaiseEventAsync("s1", "put", Json(new Put("back", "b again")), "p3");
        var table = h.Runtime.Storage.Tables.GetTableClient(h.Runtime.ReadModel(ShelfWorkflow.Table).TableName);
        var job = new DueWorkRunner([], h.Runtime, NullLogger<DueWorkRunner>.Instance);

        var kept = (await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "gone")).HasValue;
        var dueEarly = await h.Runtime.HasWorkDueAsync();
        h.FakeClock.Advance(h.Runtime.Options.TombstoneRetention + TimeSpan.FromMinutes(1));
        var dueAfter = await h.Runtime.HasWorkDueAsync();
        await job.RunDueOnceAsync();

        Assert.True(kept);
        Assert.False(dueEarly);
        Assert.True(dueAfter);
        Assert.False((await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "gone")).HasValue);
        Assert.Equal("b again", (await h.Runtime.ReadModel(ShelfWorkflow.Table).GetAsync("p", "back"))!.GetString("label"));
        Assert.False(await h.Runtime.HasWorkDueAsync());
    }

    [Fact]
    public void TombstoneRetention_ShorterThanAnEffectMayWait_IsRefused()
    {
        var options = new RuntimeOptions { HistoryKey = TestKeys.History, TombstoneRetention = TimeSpan.FromMinutes(5) };

        var refused = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(nameof(RuntimeOptions.TombstoneRetention), refused.ParamName);
    }

    private static OutboxItem LateCopy(long sequence, Put put) =>
        new(RowKeys.Outbox(sequence, 0), OutboxKind.Project, ShelfWorkflow.Table, "p", put.Key, ProjectionRows.Serialize(ShelfWorkflow.Row(put), ShelfWorkflow.Table, "p", put.Key, "s1"), null, 1, null) { Generation = RuntimeHarness.Epoch.UtcTicks };
}
