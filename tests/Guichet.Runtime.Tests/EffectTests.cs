using System.Text;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class EffectTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task SendEvent_ReachesTheOtherInstanceOnce()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "vacancy-1");
        await h.Runtime.StartAsync(TypeName, "dossier-1");

        await h.Runtime.RaiseEventAsync("vacancy-1", "forward", Json(new { target = "dossier-1", amount = 9 }), "f1");
        await h.Runtime.SweepOutboxAsync();

        var target = await h.Runtime.GetStatusAsync("dossier-1", withData: true);
        Assert.Equal(9, target!.State!.Value.GetProperty("total").GetInt32());
        var delivered = (await h.Runtime.GetWholeHistoryAsync("dossier-1"))![^1];
        Assert.Equal("vacancy-1", delivered.Actor);
        Assert.Equal("add", delivered.Name);
    }

    [Fact(Timeout = 30_000)]
    public async Task SendEvent_ToUnknownInstance_IsRecordedInSenderHistory_NotDropped()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "sender");

        await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "ghost", amount = 1 }), "f1");

        var last = (await h.Runtime.GetWholeHistoryAsync("sender"))![^1];
        Assert.Equal(HistoryKind.DeliveryFailed, last.Kind);
        Assert.Contains("ghost", last.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await h.Runtime.SweepOutboxAsync());
        Assert.True((await h.Runtime.VerifyHistoryAsync("sender"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task SendMessage_PutsMessageWithStableIdOnQueue()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        var queue = UniqueNames.Queue("events");
        await h.Runtime.StartAsync(TypeName, "notifier", Json(new { queue }));

        await h.Runtime.RaiseEventAsync("notifier", "add", Json(new { amount = 2 }), "a1");

        var messages = (await h.Runtime.Storage.Queues.GetQueueClient(queue).ReceiveMessagesAsync(10)).Value;
        var body = System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Assert.Single(messages).MessageText))).RootElement;
        Assert.Equal("notifier:2:0", body.GetProperty("messageId").GetString());
        Assert.Equal(1, body.GetProperty("count").GetInt32());
    }

    [Fact(Timeout = 30_000)]
    public async Task CommittedButUndispatchedOutbox_IsCarriedOutBySweep()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        var queue = UniqueNames.Queue("events");
        await h.Runtime.StartAsync(TypeName, "crashy", Json(new { queue }));
        var record = (await h.Runtime.Store.LoadAsync("crashy", CancellationToken.None))!;
        var planner = new Guichet.Runtime.Steps.StepPlanner(new Guichet.Runtime.Workflows.WorkflowRegistry([new Workflows.ProbeWorkflow()]).Get(TypeName), h.Runtime.Chain, h.FakeClock.GetUtcNow());
        var step = planner.Apply(record, new(
            "add", Json(new { amount = 1 }), "a1", Guichet.Deciders.EventOrigin.External, null), null, null, 1);

        // A host that dies right after the commit: the outbox row is there, nothing was carried out.
        Assert.Equal(CommitResult.Committed, (await h.Runtime.Store.CommitAsync(step.Commit!, CancellationToken.None)).Result);
        var swept = await h.Runtime.SweepOutboxAsync();

        Assert.Equal(1, swept);
        var messages = (await h.Runtime.Storage.Queues.GetQueueClient(queue).ReceiveMessagesAsync(10)).Value;
        Assert.Single(messages);
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("crashy", CancellationToken.None));
    }

    [Fact(Timeout = 30_000)]
    public async Task TamperedOrMissingHistoryEntry_IsDetected()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "audited");
        for (var i = 0; i < 4; i++)
        {
            await h.Runtime.RaiseEventAsync("audited", "add", Json(new { amount = i }), $"a{i}");
        }

        var table = h.Runtime.Store.Table;
        var row = (await table.GetEntityAsync<TableEntity>("audited", RowKeys.History(3))).Value;
        row["Actor"] = "someone-else";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var changed = await h.Runtime.VerifyHistoryAsync("audited");
        await table.DeleteEntityAsync("audited", RowKeys.History(5));
        var truncated = await h.Runtime.VerifyHistoryAsync("audited");

        Assert.False(changed!.IsIntact);
        Assert.Equal(3, changed.FirstBrokenSequence);
        Assert.False(truncated!.IsIntact);
    }
}
