using Guichet.Runtime;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Timers;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// Storage requests per hour of the runtime's listeners (timer poller, outbox sweeper) with nothing to do:
/// the listeners' real code, on a fake clock moved through one hour in steps, each request counted.
/// </summary>
internal static class IdleCost
{
    public static async Task<string> RunAsync(Azurite azurite)
    {
        var counter = new RequestCounter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var runtime = new WorkflowRuntime(azurite.Clients(counter), new WorkflowRegistry([]), new RuntimeOptions { HubName = "BenchIdle" }, clock, NullLogger<WorkflowRuntime>.Instance);
        await runtime.InitializeAsync();
        using var poller = new TimerPoller(runtime, NullLogger<TimerPoller>.Instance);
        using var sweeper = new OutboxSweeper(runtime, NullLogger<OutboxSweeper>.Instance);
        await poller.StartAsync(CancellationToken.None);
        await sweeper.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);

        var requests = await SimulatedHour.CountRequestsAsync(clock, counter);
        await poller.StopAsync(CancellationToken.None);
        await sweeper.StopAsync(CancellationToken.None);
        return $"""
            Idle cost of the runtime's listeners (one simulated hour, every request counted)
              storage requests per hour            : {requests,8}   (target < 100)

            """;
    }
}
