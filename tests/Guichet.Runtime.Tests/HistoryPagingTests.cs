using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>Long-lived instances: history is read a page at a time, and verified page by page.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class HistoryPagingTests(AzuriteFixture azurite)
{
    private static async Task StartWithEntriesAsync(RuntimeHarness h, string id, int entries)
    {
        await h.Runtime.StartAsync(TypeName, id);
        for (var i = 1; i < entries; i++)
        {
            await h.Runtime.RaiseEventAsync(id, "add", Json(new { amount = i }), $"a{i}");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task History_LongerThanAPage_IsReadCompletelyAcrossPages()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await StartWithEntriesAsync(h, "long", 25);

        var first = (await h.Runtime.GetHistoryAsync("long", 1, 10))!;
        var second = (await h.Runtime.GetHistoryAsync("long", first.NextSequence!.Value, 10))!;
        var third = (await h.Runtime.GetHistoryAsync("long", second.NextSequence!.Value, 10))!;
        var beyond = (await h.Runtime.GetHistoryAsync("long", 26, 10))!;
        var exact = (await h.Runtime.GetHistoryAsync("long", 16, 10))!;

        Assert.Equal([.. Enumerable.Range(1, 10).Select(i => (long)i)], first.Entries.Select(e => e.Sequence));
        Assert.Equal(11, first.NextSequence);
        Assert.Equal(21, second.NextSequence);
        Assert.Equal([21L, 22, 23, 24, 25], third.Entries.Select(e => e.Sequence));
        Assert.Null(third.NextSequence);
        Assert.Empty(beyond.Entries);
        Assert.Null(beyond.NextSequence);
        Assert.Null(exact.NextSequence); // 16 to 25 is the end: no empty page after it
        var whole = (await h.Runtime.GetWholeHistoryAsync("long", pageSize: 7))!;
        Assert.Equal([.. Enumerable.Range(1, 25).Select(i => (long)i)], whole.Select(e => e.Sequence));
        Assert.Null(await h.Runtime.GetHistoryAsync("nobody", 1, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Runtime.GetHistoryAsync("long", 0, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Runtime.GetHistoryAsync("long", 1, HistoryPage.MaxSize + 1));
    }

    [Fact(Timeout = 60_000)]
    public async Task Verification_OfALongHistory_ReadsPageByPage_AndFindsAChangeInALatePage()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await StartWithEntriesAsync(h, "years", 35);
        var counter = new RequestCounter();
        await using var counted = await RuntimeHarness.CreateAsync(azurite, h.Runtime.Options.HubName, clients: azurite.Azurite.Clients(counter));

        var before = counter.Count;
        var intact = (await counted.Runtime.VerifyHistoryAsync("years", 10, CancellationToken.None))!;
        var requests = counter.Count - before;
        await HistoryChainTests.RewriteFromAsync(
            h.Runtime, "years", 32, e => e.Sequence == 32 ? e with { Reason = "réécrit" } : e, e => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(HistoryChain.Canonical(e))));
        var changed = (await counted.Runtime.VerifyHistoryAsync("years", 10, CancellationToken.None))!;

        Assert.True(intact.IsIntact);
        Assert.Equal(35, intact.CheckedEntries);
        Assert.Equal(5, requests); // the state row, then four pages of at most ten entries
        Assert.False(changed.IsIntact);
        Assert.Equal(32, changed.FirstBrokenSequence);
        Assert.Equal(31, changed.CheckedEntries);
    }
}
