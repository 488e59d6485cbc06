using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// Every query of the work index (the job's question, the timer poller, the sweep) reads one key range of one partition,
/// and follows continuation tokens: Azure may answer any query with an empty page and a token, which is not "nothing".
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class WorkIndexTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task EveryQueryOfTheWorkIndex_ReadsOnePartition()
    {
        var hub = UniqueNames.Hub();
        var filters = new FilterLog(hub + "Work");
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, clients: azurite.Azurite.Clients(filters));
        await h.Runtime.StartAsync(TypeName, "w1", Json(new { queue = UniqueNames.Queue("work") }));
        await h.Runtime.RaiseEventAsync("w1", "schedule", Json(new { name = "soon", dueAt = RuntimeHarness.Epoch.AddMinutes(5) }), "s1");
        var job = new DueWorkRunner([], h.Runtime, NullLogger<DueWorkRunner>.Instance);

        await job.RunDueOnceAsync();
        h.FakeClock.Advance(TimeSpan.FromMinutes(5));
        await job.RunDueOnceAsync();
        await h.Runtime.SweepOutboxAsync();
        await h.Runtime.FireDueTimersAsync();

        Assert.NotEmpty(filters.Filters);
        Assert.All(filters.Filters, f =>
        {
            Assert.StartsWith("PartitionKey eq 'work'", f, StringComparison.Ordinal);
            Assert.DoesNotContain(" or ", f, StringComparison.Ordinal);
        });
        Assert.Equal("Fired1", (await h.Runtime.GetStatusAsync("w1"))!.CustomStatus);
    }

    [Fact(Timeout = 30_000)]
    public async Task EmptyPageWithAContinuation_IsNotTakenForTheAnswer()
    {
        var hub = UniqueNames.Hub();
        var emptyPages = new EmptyFirstPages(hub + "Work");
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, clients: azurite.Azurite.Clients(emptyPages));
        await h.Runtime.StartAsync(TypeName, "w2");
        await h.Runtime.RaiseEventAsync("w2", "schedule", Json(new { name = "soon", dueAt = RuntimeHarness.Epoch.AddMinutes(5) }), "s1");

        var early = await h.Runtime.HasWorkDueAsync();
        h.FakeClock.Advance(TimeSpan.FromMinutes(5));
        var due = await h.Runtime.HasWorkDueAsync();
        await h.Runtime.FireDueTimersAsync();

        Assert.False(early);
        Assert.True(due);
        Assert.Equal("Fired1", (await h.Runtime.GetStatusAsync("w2"))!.CustomStatus);
        Assert.False(await h.Runtime.HasWorkDueAsync());
        Assert.True(emptyPages.Injected >= 4);
    }
}
