using System.Text.Json;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>
/// Three runtimes on one hub, each with its own storage clients, reach the same ordered state as one runtime, on a
/// workflow whose state is the sequence of what it applied (<see cref="ChainWorkflow"/>): a reordering of events,
/// buffered events or timers, a loss or a double application would show.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OrderedMultiHostTests(AzuriteFixture azurite)
{
    private const int Instances = 24;

    [Fact(Timeout = 180_000)]
    public async Task ThreeHosts_EventsSuspendResumeAndTimersInOrder_ReachTheStatesOfOneHost()
    {
        // One host, one act after the other: the reference.
        var alone = new FakeTimeProvider(RuntimeHarness.Epoch);
        await using var single = await HostAsync(UniqueNames.Hub(), alone);
        await PlayAsync([single], alone);

        // Three hosts: the acts of an instance go round them in order, each delivered to two hosts at once (as an
        // at-least-once queue would); instances run side by side; two hosts race to fire the due timers.
        var hub = UniqueNames.Hub();
        var shared = new FakeTimeProvider(RuntimeHarness.Epoch);
        await using var h0 = await HostAsync(hub, shared);
        await using var h1 = await HostAsync(hub, shared);
        await using var h2 = await HostAsync(hub, shared);
        await PlayAsync([h0, h1, h2], shared);

        for (var i = 0; i < Instances; i++)
        {
            var expected = await StateAsync(single.Runtime, Id(i));
            var actual = await StateAsync(h1.Runtime, Id(i));
            Assert.Equal(expected.Log, actual.Log);
            Assert.Equal(expected.Fired, actual.Fired);
            Assert.True((await h2.Runtime.VerifyHistoryAsync(Id(i)))!.IsIntact);
        }

        // The timer that came due while the instance was suspended fired from its inbox, in its place.
        Assert.Contains(ChainWorkflow.Fired("tick-b", "r0-3"), (await StateAsync(single.Runtime, Id(0))).Log);
        Assert.Empty(await h0.Runtime.Store.InstancesWithRowsAsync(RowKeys.InboxPrefix, CancellationToken.None));
        Assert.Empty(await h0.Runtime.Store.InstancesWithRowsAsync(RowKeys.OutboxPrefix, CancellationToken.None));
    }

    private static async Task PlayAsync(RuntimeHarness[] hosts, FakeTimeProvider clock)
    {
        for (var i = 0; i < Instances; i++)
        {
            await hosts[i % hosts.Length].Runtime.StartAsync(ChainWorkflow.TypeName, Id(i), JsonSerializer.SerializeToElement(new { }));
        }

        for (var round = 0; round < OrderedScript.Advances.Count; round++)
        {
            var r = round;
            await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var acts = OrderedScript.Round(i, r);
                for (var n = 0; n < acts.Count; n++)
                {
                    var first = hosts[(i + r + n) % hosts.Length].Runtime;
                    var second = hosts[(i + r + n + 1) % hosts.Length].Runtime;
                    await Task.WhenAll(acts[n].ApplyAsync(first, Id(i)), acts[n].ApplyAsync(second, Id(i)));
                }
            });

            clock.Advance(OrderedScript.Advances[round]);
            await Task.WhenAll(hosts.Take(2).Select(h => h.Runtime.FireDueTimersAsync()));
        }
    }

    private static string Id(int i) => $"chain-{i:D2}";

    private Task<RuntimeHarness> HostAsync(string hub, FakeTimeProvider clock) =>
        RuntimeHarness.CreateAsync(azurite, hub, clock, workflows: [new ChainWorkflow()], clients: azurite.Azurite.Clients());

    private static async Task<ChainState> StateAsync(WorkflowRuntime runtime, string id) =>
        (await runtime.GetStatusAsync(id, withData: true))!.State!.Value.Deserialize<ChainState>(WorkflowJson.Options)!;
}
