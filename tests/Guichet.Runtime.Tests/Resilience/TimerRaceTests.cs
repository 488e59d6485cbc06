using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Schedules;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests.Resilience;

[Collection(AzuriteGroup.Name)]
public sealed class TimerRaceTests(AzuriteFixture azurite)
{
    private const int Instances = 30;

    [Fact(Timeout = 60_000)]
    public async Task TwoPollersAndTheOneShotJob_OnTheSameDueTimers_FireEachOnce()
    {
        var hub = UniqueNames.Hub();
        var clock = new FakeTimeProvider(RuntimeHarness.Epoch);
        await using var first = (await HostAsync(hub, clock)).WithListeners();
        await using var second = (await HostAsync(hub, clock)).WithListeners();
        await using var job = await HostAsync(hub, clock);
        var timers = ChainWorkflow.TimerNames;
        for (var i = 0; i < Instances; i++)
        {
            await first.Runtime.StartAsync(ChainWorkflow.TypeName, Id(i), JsonSerializer.SerializeToElement(new { }));
            for (var k = 0; k < timers.Count; k++)
            {
                var arm = JsonSerializer.SerializeToElement(new Arm(timers[k], 1 + ((i * timers.Count) + k) % 40), WorkflowJson.Options);
                await first.Runtime.RaiseEventAsync(Id(i), "arm", arm, $"arm-{k}");
            }
        }

        // Every timer comes due at once: both pollers wake, and the one-shot job runs twice beside them.
        clock.Advance(TimeSpan.FromSeconds(41));
        var runner = new DueWorkRunner([], job.Runtime, NullLogger<DueWorkRunner>.Instance);
        await Task.WhenAll(runner.RunDueOnceAsync(), runner.RunDueOnceAsync());
        await Eventually.HoldsAsync(() => IndexEmptyAsync(job.Runtime), "every timer left the index");

        // Nothing is left that could fire again; each timer fired once, in its instance's history and in its state.
        for (var i = 0; i < Instances; i++)
        {
            var state = (await job.Runtime.GetStatusAsync(Id(i), withData: true))!.State!.Value.Deserialize<ChainState>(WorkflowJson.Options)!;
            var fired = (await job.Runtime.GetWholeHistoryAsync(Id(i)))!.Where(e => e.Kind == HistoryKind.TimerFired).ToList();
            Assert.Equal(timers.Count, state.Fired);
            Assert.Equal(timers.Order(), fired.Select(e => e.Name).Order());
            Assert.Equal(timers.Count, fired.Select(e => e.EventId).Distinct().Count());
            Assert.Equal(timers.Count, state.Log.Count(line => line.StartsWith("t:", StringComparison.Ordinal)));
            Assert.Empty((await job.Runtime.GetStatusAsync(Id(i)))!.PendingTimers);
        }
    }

    private static string Id(int i) => $"race-{i:D2}";

    /// <summary>A runtime of its own (its own storage clients) on the shared hub and clock, as another host would be.</summary>
    private Task<RuntimeHarness> HostAsync(string hub, FakeTimeProvider clock) => RuntimeHarness.CreateAsync(
        azurite, hub, clock, configure: o => o.TimerRefreshInterval = TimeSpan.FromSeconds(10), workflows: [new ChainWorkflow()], clients: azurite.Azurite.Clients());

    private static async Task<bool> IndexEmptyAsync(WorkflowRuntime runtime)
    {
        await foreach (var _ in runtime.TimerIndex.FromEarliestAsync(CancellationToken.None))
        {
            return false;
        }

        return true;
    }
}
