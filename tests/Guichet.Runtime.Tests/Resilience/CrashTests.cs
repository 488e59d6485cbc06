using System.Text.Json;
using Guichet.Runtime.CrashHost;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using Xunit.Abstractions;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>On an Azurite of its own: thousands of queue messages leave its queue service a mark-and-sweep that stalls it for seconds, which must not fall on other tests.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact(Timeout = 480_000)]
    public async Task TwoRealHosts_OneKilledTwentyTimesDuring1000EventsAndTheirTimers_LoseNothing_ApplyNothingTwice()
    {
        await using var azurite = await Azurite.StartAsync();
        var hub = UniqueNames.Hub();
        var scenario = new LedgerScenario(Instances: 20, Events: 1000, Receiver: UniqueNames.Queue("receiver"));
        var input = UniqueNames.Queue("input");
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, realTime: true, workflows: [new LedgerWorkflow()]);
        await scenario.StartAllAsync(h.Runtime);
        var queue = h.Runtime.Storage.Queues.GetQueueClient(input);
        await queue.CreateAsync();

        // The stream comes in one part per kill, so that every kill falls in the middle of the work however long a restart takes.
        var parts = scenario.Stream().Chunk(scenario.Events / Kills).ToList();

        // Two hosts on one hub; one at a time is killed at a random moment and started again, the other lives on.
        var hosts = new[] { await CrashHostProcess.StartAsync(azurite, hub, input), await CrashHostProcess.StartAsync(azurite, hub, input) };
        var random = new Random(20261123);
        var killedWithWorkLeft = 0;
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                await Parallel.ForEachAsync(parts[kill], new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (e, ct) =>
                    await queue.SendMessageAsync(JsonSerializer.Serialize(new { instanceId = e.InstanceId, eventName = "credit", eventId = e.EventId, payload = LedgerScenario.Payload(e.Amount, e.Forward) }), ct));
                var victim = random.Next(hosts.Length);
                var target = Math.Max(0, await BacklogAsync(queue) - random.Next(5, 35));
                await Eventually.HoldsAsync(async () => await BacklogAsync(queue) <= target, "the hosts got on with the stream", TimeSpan.FromSeconds(90));
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 50)), TimeProvider.System);
                await hosts[victim].KillAsync();
                hosts[victim].Dispose();
                var left = await BacklogAsync(queue);
                killedWithWorkLeft += left > 0 ? 1 : 0;
                output.WriteLine($"kill {kill + 1}: host {victim}, {left} messages left");
                hosts[victim] = await CrashHostProcess.StartAsync(azurite, hub, input);
            }

            // The last kill leaves one host to drain the rest: the stream, the outboxes and inboxes left, the timers.
            await hosts[1].KillAsync();
            await Eventually.HoldsAsync(() => DrainedAsync(h.Runtime, queue), "one host drained everything", TimeSpan.FromMinutes(2));
        }
        finally
        {
            output.WriteLine(hosts[0].Output);
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }

        Assert.True(killedWithWorkLeft >= Kills - 2, $"only {killedWithWorkLeft} kills hit the stream while it ran");
        await scenario.AssertConsistentAsync(h.Runtime);
        var received = await scenario.ReceiveAllAsync(h.Runtime.Storage);
        var copies = scenario.AssertCredits(received);
        var (fired, timerCopies) = await LedgerSettlements.AssertFiredOnceAsync(h.Runtime, scenario, received);
        output.WriteLine($"{scenario.Events} events, {fired} settle timers fired once each; the receiver got {copies} re-delivered credit copies and {timerCopies} settlement copies, each with its message id and content");
    }

    private static async Task<int> BacklogAsync(Azure.Storage.Queues.QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>No message left, no outbox or inbox row, no timer in the index.</summary>
    private static async Task<bool> DrainedAsync(WorkflowRuntime runtime, Azure.Storage.Queues.QueueClient queue)
    {
        if (await BacklogAsync(queue) > 0
            || (await runtime.Store.InstancesWithRowsAsync(RowKeys.OutboxPrefix, CancellationToken.None)).Count > 0
            || (await runtime.Store.InstancesWithRowsAsync(RowKeys.InboxPrefix, CancellationToken.None)).Count > 0)
        {
            return false;
        }

        await foreach (var _ in runtime.TimerIndex.FromEarliestAsync(CancellationToken.None))
        {
            return false;
        }

        return true;
    }
}
