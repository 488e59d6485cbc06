using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>The instance list is a read model: it follows status changes, loses purged instances, and never reads the instances table.</summary>
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
}
