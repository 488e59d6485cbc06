using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.ReadModels;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// The key list of the instance list: written once by the step that creates an instance, removed by its purge, never
/// taken back by a purged namesake; the tokens of its pages hold a position in their own range and nowhere else.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class InstanceKeysTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task Purge_RemovesTheKeyRows_AndANamesakeStartedAgainIsListedOnce_WhateverItsNamesakeLeft()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new Workflows.ProbeWorkflow(), new Workflows.ShelfWorkflow()]);
        await h.Runtime.StartAsync(TypeName, "twice");
        await h.Runtime.RaiseEventAsync("twice", "add", Json(new { amount = 1 }), "a1");
        var keysWhileLive = await KeysOfAsync(h, "twice");
        await h.Runtime.TerminateAsync("twice", "test");
        var purged = (await h.Runtime.Store.LoadAsync("twice", CancellationToken.None))!;
        await h.Runtime.PurgeAsync("twice");
        var keysAfterPurge = await KeysOfAsync(h, "twice");

        h.FakeClock.Advance(TimeSpan.FromHours(1));
        await h.Runtime.StartAsync(Workflows.ShelfWorkflow.TypeName, "twice");
        // The purged instance's key rows written again late, as a slow host would.
        var late = InstanceIndex.Item(purged with { LastSequence = 1 }, 0, null);
        await h.Runtime.InstanceList.WriteKeysAsync(late, ProjectionWriter.StampOf("twice", late), CancellationToken.None);

        Assert.Equal(2, keysWhileLive.Count);
        Assert.Empty(keysAfterPurge);
        var byPrefix = Assert.Single((await h.Runtime.QueryInstancesAsync(new InstanceQuery(InstanceIdPrefix: "tw"))).Instances);
        Assert.Equal(Workflows.ShelfWorkflow.TypeName, byPrefix.WorkflowType);
        var byTime = await h.Runtime.QueryInstancesAsync(new InstanceQuery(CreatedFrom: RuntimeHarness.Epoch));
        Assert.Equal([RuntimeHarness.Epoch.AddHours(1)], byTime.Instances.Select(s => s.CreatedAt));
    }

    [Fact(Timeout = 30_000)]
    public async Task Tokens_OfAKeyRange_AreRefusedByAnyOtherQuery_AndByARangeThatDoesNotHoldThem()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        foreach (var id in new[] { "tk-a", "tk-b", "tk-c" })
        {
            await h.Runtime.StartAsync(TypeName, id);
            h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        }

        var byTime = new InstanceQuery(CreatedFrom: RuntimeHarness.Epoch);
        var byPrefix = new InstanceQuery(InstanceIdPrefix: "tk-");
        var timeToken = (await h.Runtime.QueryInstancesAsync(byTime, pageSize: 1)).ContinuationToken!;
        var prefixToken = (await h.Runtime.QueryInstancesAsync(byPrefix, pageSize: 1)).ContinuationToken!;
        var indexToken = (await h.Runtime.QueryInstancesAsync(new InstanceQuery(WorkflowType: TypeName), pageSize: 1)).ContinuationToken!;

        var next = await h.Runtime.QueryInstancesAsync(byTime, timeToken, pageSize: 1);
        Assert.Equal(["tk-b"], next.Instances.Select(s => s.InstanceId));
        await RefusedAsync(h, byPrefix, timeToken);
        await RefusedAsync(h, byTime, prefixToken);
        await RefusedAsync(h, byTime, indexToken);
        await RefusedAsync(h, new InstanceQuery(WorkflowType: TypeName), timeToken);
        await RefusedAsync(h, new InstanceQuery([RuntimeStatus.Running]), prefixToken);
        await RefusedAsync(h, new InstanceQuery(InstanceIdPrefix: "other-"), prefixToken);
        await RefusedAsync(h, byTime with { CreatedFrom = RuntimeHarness.Epoch.AddHours(1) }, timeToken);
        await RefusedAsync(h, byTime, "created|");
    }

    private static async Task RefusedAsync(RuntimeHarness h, InstanceQuery query, string token) =>
        Assert.Equal(400, (await Assert.ThrowsAsync<RequestFailedException>(() => h.Runtime.QueryInstancesAsync(query, token))).Status);

    private static async Task<List<TableEntity>> KeysOfAsync(RuntimeHarness h, string instanceId)
    {
        var keys = h.Runtime.InstanceList.Keys.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"instanceId eq {instanceId}"));
        var rows = new List<TableEntity>();
        await foreach (var row in keys)
        {
            rows.Add(row);
        }

        return rows;
    }
}
