using Guichet.Testing;
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
        var runtime = await BenchRuntime.CreateAsync(azurite, "BenchIdle", clock, counter);
        long requests;
        await using (await BenchRuntime.WithListenersAsync(runtime))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
            requests = await SimulatedHour.CountRequestsAsync(clock, counter);
        }

        return $"""
            Idle cost of the runtime's listeners (one simulated hour, every request counted)
              storage requests per hour            : {requests,8}   (target < 100)

            """;
    }
}
