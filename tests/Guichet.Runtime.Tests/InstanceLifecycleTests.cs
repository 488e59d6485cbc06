using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class InstanceLifecycleTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task StartAsync_NewId_StartsRunningWithFirstHistoryEntry()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);

        var outcome = await h.Runtime.StartAsync(TypeName, "dossier-1", Json(new { }), new RequestContext("prescriber:42", "corr-1"));

        Assert.Equal(StartResult.Started, outcome.Result);
        Assert.Equal(RuntimeStatus.Running, outcome.Status!.RuntimeStatus);
        Assert.Equal("Started", outcome.Status.CustomStatus);
        var history = await h.Runtime.GetWholeHistoryAsync("dossier-1");
        var entry = Assert.Single(history!);
        Assert.Equal(HistoryKind.Started, entry.Kind);
        Assert.Equal("prescriber:42", entry.Actor);
        Assert.Equal("corr-1", entry.CorrelationId);
        Assert.Equal(RuntimeHarness.Epoch, entry.At);
    }

    [Fact(Timeout = 30_000)]
    public async Task StartAsync_SameIdTwice_SecondChangesNothing()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "twice");
        await h.Runtime.RaiseEventAsync("twice", "add", Json(new { amount = 3 }), "e1");

        var second = await h.Runtime.StartAsync(TypeName, "twice");

        Assert.Equal(StartResult.AlreadyExists, second.Result);
        Assert.Equal("Count1", second.Status!.CustomStatus);
        Assert.Equal(2, second.Status.HistoryLength);
    }

    [Fact(Timeout = 30_000)]
    public async Task RaiseEventAsync_SameEventIdTwice_AppliedOnce()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "dedupe");

        var first = await h.Runtime.RaiseEventAsync("dedupe", "add", Json(new { amount = 5 }), "evt-1");
        var again = await h.Runtime.RaiseEventAsync("dedupe", "add", Json(new { amount = 5 }), "evt-1");

        Assert.Equal(RaiseResult.Applied, first.Result);
        Assert.Equal(RaiseResult.Duplicate, again.Result);
        var status = await h.Runtime.GetStatusAsync("dedupe", withData: true);
        Assert.Equal(5, status!.State!.Value.GetProperty("total").GetInt32());
        Assert.Equal(2, status.HistoryLength);
    }

    [Fact(Timeout = 30_000)]
    public async Task RaiseEventAsync_UnknownInstance_RefusedNotFound()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);

        var outcome = await h.Runtime.RaiseEventAsync("nobody", "add", Json(new { amount = 1 }), "e1");

        Assert.Equal(RaiseResult.NotFound, outcome.Result);
        Assert.Null(await h.Runtime.GetStatusAsync("nobody"));
    }

    [Fact(Timeout = 30_000)]
    public async Task RaiseEventAsync_DeciderThrows_InstanceFailedWithErrorAndNotRetried()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "boom");

        var outcome = await h.Runtime.RaiseEventAsync("boom", "boom", null, "e1");
        var redelivered = await h.Runtime.RaiseEventAsync("boom", "boom", null, "e1");
        var later = await h.Runtime.RaiseEventAsync("boom", "add", Json(new { amount = 1 }), "e2");

        Assert.Equal(RaiseResult.Failed, outcome.Result);
        Assert.Equal(RuntimeStatus.Failed, outcome.Status!.RuntimeStatus);
        Assert.Contains("the decider blew up", outcome.Status.Error, StringComparison.Ordinal);
        Assert.Equal(RaiseResult.Duplicate, redelivered.Result);
        Assert.Equal(RaiseResult.Finished, later.Result);
        var history = await h.Runtime.GetWholeHistoryAsync("boom");
        Assert.Equal(HistoryKind.Failed, history![^1].Kind);
    }

    [Fact(Timeout = 30_000)]
    public async Task RaiseEventAsync_CompleteEffect_FinishesWithOutputAndRefusesLaterEvents()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "done");
        await h.Runtime.RaiseEventAsync("done", "add", Json(new { amount = 7 }), "e1");

        var finish = await h.Runtime.RaiseEventAsync("done", "finish", null, "e2");
        var after = await h.Runtime.RaiseEventAsync("done", "add", Json(new { amount = 1 }), "e3");

        Assert.Equal(RuntimeStatus.Completed, finish.Status!.RuntimeStatus);
        Assert.Equal(RaiseResult.Finished, after.Result);
        var status = await h.Runtime.GetStatusAsync("done", withData: true);
        Assert.Equal(7, status!.Output!.Value.GetProperty("total").GetInt32());
    }

    [Fact(Timeout = 30_000)]
    public async Task History_IsHashChainedAndVerifies()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "chain");
        for (var i = 0; i < 5; i++)
        {
            await h.Runtime.RaiseEventAsync("chain", "add", Json(new { amount = i }), $"e{i}");
        }

        var history = (await h.Runtime.GetWholeHistoryAsync("chain"))!;
        var verification = await h.Runtime.VerifyHistoryAsync("chain");

        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), history.Select(e => e.Sequence));
        Assert.All(history.Skip(1).Zip(history), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Equal("Count4", history[^1].StatusBefore);
        Assert.Equal("Count5", history[^1].StatusAfter);
        Assert.True(verification!.IsIntact);
        Assert.Equal(6, verification.CheckedEntries);
    }
}
