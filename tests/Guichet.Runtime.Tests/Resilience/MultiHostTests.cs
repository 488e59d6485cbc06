using Guichet.Runtime.CrashHost;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>On an Azurite of its own, for the same reason as <see cref="CrashTests"/>.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MultiHostTests
{
    [Fact(Timeout = 300_000)]
    public async Task ThreeHosts_1000EventsOn50Instances_ReachTheSameStatesAsOneHost()
    {
        await using var azurite = await Azurite.StartAsync();
        var scenario = new LedgerScenario(Instances: 50, Events: 1000, Receiver: UniqueNames.Queue("receiver"));
        var events = scenario.Stream().ToList();

        // One host, one event after the other: the reference.
        await using var single = await RuntimeHarness.CreateAsync(azurite, realTime: true, workflows: [new LedgerWorkflow()]);
        await scenario.StartAllAsync(single.Runtime);
        foreach (var e in events)
        {
            await single.Runtime.RaiseEventAsync(e.InstanceId, "credit", LedgerScenario.Payload(e.Amount, e.Forward), e.EventId);
        }

        // Three hosts with their own clients on one hub, concurrently; every event is delivered to two of
        // them, as an at-least-once queue would, so the same event races itself too.
        var hub = UniqueNames.Hub();
        var hosts = new List<RuntimeHarness>();
        for (var i = 0; i < 3; i++)
        {
            hosts.Add(await RuntimeHarness.CreateAsync(azurite, hub, realTime: true, workflows: [new LedgerWorkflow()], clients: azurite.Clients()));
        }

        var concurrentScenario = scenario with { Receiver = UniqueNames.Queue("receiver") };
        await concurrentScenario.StartAllAsync(hosts[0].Runtime);
        await Task.WhenAll(hosts.Select((host, index) => Parallel.ForEachAsync(
            events.Where((_, i) => i % 3 != index),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (e, ct) => await host.Runtime.RaiseEventAsync(e.InstanceId, "credit", LedgerScenario.Payload(e.Amount, e.Forward), e.EventId, cancellationToken: ct))));
        await hosts[0].Runtime.SweepOutboxAsync();

        Assert.Equal(Comparable(await scenario.StatesAsync(single.Runtime)), Comparable(await concurrentScenario.StatesAsync(hosts[0].Runtime)));
        await concurrentScenario.AssertConsistentAsync(hosts[1].Runtime);
        await concurrentScenario.AssertReceiverAsync(hosts[2].Runtime.Storage);
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>The two runs tell different receiver queues; everything else must be equal.</summary>
    private static Dictionary<string, LedgerState> Comparable(Dictionary<string, LedgerState> states) =>
        states.ToDictionary(kv => kv.Key, kv => kv.Value with { Receiver = "" });
}
