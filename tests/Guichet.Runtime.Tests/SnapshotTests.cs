using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class SnapshotTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task LongLivedInstance_StaysSmall_AnEventCostsTheSameAfter300AsAfter1()
    {
        var counter = new RequestCounter();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(counter));
        await h.Runtime.StartAsync(TypeName, "young");
        await h.Runtime.StartAsync(TypeName, "old");
        for (var i = 0; i < 300; i++)
        {
            await h.Runtime.RaiseEventAsync("old", "add", Json(new { amount = 1 }), $"a{i}");
        }

        var before = counter.Count;
        await h.Runtime.RaiseEventAsync("young", "add", Json(new { amount = 1 }), "y1");
        var young = counter.Count - before;
        before = counter.Count;
        await h.Runtime.RaiseEventAsync("old", "add", Json(new { amount = 1 }), "o301");
        var old = counter.Count - before;
        var status = await h.Runtime.GetStatusAsync("old");

        // A read and a transaction; "add" changes the custom status, so the instance list's rows too: its mark, the
        // outbox read back (earlier steps' effects go first), a read and a write of each of its two rows (by type, by
        // status), the outbox row deleted and the mark deleted.
        Assert.Equal(10, young);
        Assert.Equal(young, old);
        Assert.Equal(302, status!.HistoryLength);
        Assert.True(status.HistorySize > 302 * 10, $"history size {status.HistorySize} bytes");
    }
}
