using System.Globalization;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        // The bench runs outside the solution's test layout: the host's content root is the bench's output.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GUICHET_HOST", AppContext.BaseDirectory);
        await using var host = new IdleHost(azurite, counter, clock);
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

    private sealed class IdleHost(Azurite azurite, RequestCounter counter, FakeTimeProvider clock) : WebApplicationFactory<Program>
    {
        protected override IHost CreateHost(IHostBuilder builder)
        {
            builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["AzureFunctionsJobHost:extensions:workflows:hubName"] = "BenchHostIdle",
                ["Auth:Mode"] = "Development",
                ["Guichet:HistoryKey"] = TestKeys.HistoryText,
                ["Auth:Audience"] = "api://guichet-bench",
                ["Auth:DevelopmentSigningKey"] = "guichet-bench-signing-key-0123456789abcdef",
            }));
            return base.CreateHost(builder);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton(azurite.Clients(counter));
                services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            });
    }
}
