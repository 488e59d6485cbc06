using Guichet.Runtime.Storage;
using Guichet.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Bench;

/// <summary>
/// The real host, in process, for a benchmark: development authentication and the test history key, its own task hub,
/// the storage clients given (counted or not), the clock given, warnings only; <paramref name="settings"/> add to them.
/// </summary>
internal sealed class BenchHost(Azurite azurite, string hub, StorageClients clients, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    // The bench runs outside the solution's test layout: the host's content root is the bench's output (read before CreateHost).
    static BenchHost() => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GUICHET_HOST", AppContext.BaseDirectory);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:workflows:hubName"] = hub,
            ["Auth:Mode"] = "Development",
            ["Auth:Audience"] = "api://guichet-bench",
            ["Auth:DevelopmentSigningKey"] = "guichet-bench-signing-key-0123456789abcdef",
            ["Guichet:HistoryKey"] = TestKeys.HistoryText,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(all));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            services.AddSingleton(clients);
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
}
