using System.Globalization;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// Storage requests per hour of the whole host with every trigger idle (queue triggers, timer triggers,
/// the durable timer poller, the outbox sweeper), and of the scheduled job's 60 runs in that hour: the real host,
/// in process, on a fake clock moved through one hour after start-up, each request to storage counted; the job
/// runs the host's timer triggers on a runtime of its own, counted apart, as its own process would.
/// </summary>
internal static class HostIdleCost
{
    // infra/modules/host-app.bicep: pollingInterval 300 s on the two queues the host listens to.
    private const int KedaPollsPerHour = 2 * 3600 / 300;

    public static async Task<string> RunAsync(Azurite azurite)
    {
        var counter = new RequestCounter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = new BenchHost(azurite, "BenchHostIdle", azurite.Clients(counter), clock);
        _ = host.Server;
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);

        var jobCounter = new RequestCounter();
        var jobRuntime = await BenchRuntime.CreateAsync(azurite, "BenchHostIdle", clock, jobCounter);
        var job = new DueWorkRunner(host.Services.GetServices<TimerTrigger>(), jobRuntime, NullLogger<DueWorkRunner>.Instance);
        var jobBefore = jobCounter.Count;
        var requests = await SimulatedHour.CountRequestsAsync(clock, counter, () => job.RunDueOnceAsync());
        var jobRequests = jobCounter.Count - jobBefore;
        return string.Create(CultureInfo.InvariantCulture, $"""
            Idle cost of the whole host and the scheduled job (queue and timer triggers, durable timers, outbox; one simulated hour)
              host (one replica), requests per hour: {requests,8}
              job (60 runs), requests per hour     : {jobRequests,8}   (the app scaled to zero costs this alone)
              host + job, while a replica is warm  : {requests + jobRequests,8}   (at most the 5-minute cooldown after activity, in Azure)
              scaled to zero: job + KEDA's polls   : {jobRequests + KedaPollsPerHour,8}   (target < 100; KEDA: 2 queues every 300 s, from the Bicep)

            """);
    }
}
