using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>An instance whose workflow type a later host no longer has: still listed, its events wait, and an operator can terminate and purge it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RemovedWorkflowTypeTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task HostWithoutTheType_ListsIt_BuffersItsEvents_TerminatesWithReason_AndPurges()
    {
        await using var before = await RuntimeHarness.CreateAsync(azurite);
        await before.Runtime.StartAsync(TypeName, "orphan");
        await before.Runtime.RaiseEventAsync("orphan", "add", Json(new { amount = 3 }), "a1");
        await using var after = await RuntimeHarness.CreateAsync(azurite, before.Runtime.Options.HubName, workflows: [new RelayWorkflow()]);

        var status = (await after.Runtime.GetStatusAsync("orphan"))!;
        var listed = await after.Runtime.QueryInstancesAsync(new InstanceQuery());
        var raised = await after.Runtime.RaiseEventAsync("orphan", "add", Json(new { amount = 1 }), "a2");
        var waiting = (await after.Runtime.GetStatusAsync("orphan"))!;

        Assert.Equal((TypeName, RuntimeStatus.Running), (status.WorkflowType, status.RuntimeStatus));
        Assert.Contains(listed.Instances, s => s.InstanceId == "orphan");
        Assert.Equal(RaiseResult.Buffered, raised.Result);
        const string Reason = "Waiting for a host running version 1 of workflow 'probe'; this host runs none.";
        Assert.Equal(Reason, raised.Reason);
        Assert.Equal(Reason, waiting.Waiting);
        Assert.Equal(1, waiting.BufferedEvents);

        var terminated = await after.Runtime.TerminateAsync("orphan", "type de workflow retiré", new RequestContext("ars:alice"));

        Assert.Equal(ControlResult.Done, terminated.Result);
        Assert.Equal(RuntimeStatus.Terminated, terminated.Status!.RuntimeStatus);
        Assert.Null(terminated.Status.Waiting);
        Assert.Equal("type de workflow retiré", terminated.Status.Error);
        var history = (await after.Runtime.GetWholeHistoryAsync("orphan"))!;
        var end = Assert.Single(history, e => e.Kind == HistoryKind.Terminated);
        Assert.Equal(("type de workflow retiré", "ars:alice"), (end.Reason, end.Actor));
        Assert.Equal(("a2", "Not applied: instance terminated."), (history[^1].EventId, history[^1].Reason));
        Assert.True((await after.Runtime.VerifyHistoryAsync("orphan"))!.IsIntact);
        Assert.Empty(await after.Runtime.Store.ReadInboxFromAsync("orphan", 0, 10, CancellationToken.None));

        Assert.Equal(ControlResult.Done, (await after.Runtime.PurgeAsync("orphan")).Result);
        Assert.Null(await after.Runtime.GetStatusAsync("orphan"));
        Assert.Null(await before.Runtime.GetStatusAsync("orphan"));
    }
}
