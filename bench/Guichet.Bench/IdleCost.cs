using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// Storage requests per hour of the runtime's listeners (timer poller, outbox sweeper) with nothing to do, and of
/// the scheduled job's 60 runs in that hour (its own runtime, as its own process would have): the real code, on a
/// fake clock moved through one hour in steps, each request counted.
/// </summary>
internal static class IdleCost
{
    public static async Task<string> RunAsync(Azurite azurite)
    {
        var counter = new RequestCounter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var runtime = await BenchRuntime.CreateAsync(azurite, "BenchIdle", clock, counter);
        var jobCounter = new RequestCounter();
        var job = new DueWorkRunner([], await BenchRuntime.CreateAsync(azurite, "BenchIdle", clock, jobCounter), NullLogger<DueWorkRunner>.Instance);
        var jobBefore = jobCounter.Count;
        long requests;
        await using (await BenchRuntime.WithListenersAsync(runtime))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
            requests = await SimulatedHour.CountRequestsAsync(clock, counter, () => job.RunDueOnceAsync());
        }

        var jobRequests = jobCounter.Count - jobBefore;
        return $"""
            Idle cost of the runtime's listeners and the scheduled job (one simulated hour, every request counted)
              listeners, storage requests per hour : {requests,8}
              job (60 runs), requests per hour     : {jobRequests,8}
              total per hour                       : {requests + jobRequests,8}   (target < 100)

            """;
    }
}
