using System.Net.Http.Headers;
using Guichet.Host.Security;
using Guichet.Host.Tests.Workflows;
using Guichet.Runtime;
using Guichet.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Host.Tests;

/// <summary>
/// The real host, in process, on an Azurite with a hub of its own (through <see cref="Azurite.Clients"/>, so that
/// it is refused what Azure Storage refuses), in Development auth mode with a test key and audience, the
/// <see cref="CounterWorkflow"/> registered, and its log lines captured; <c>services</c> replaces or adds services
/// (a fake clock) after the app's own.
/// </summary>
public sealed class GuichetApp : WebApplicationFactory<Program>
{
    public const string Audience = "api://guichet-tests";
    public const string SigningKey = "guichet-host-tests-signing-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Azurite _storage;
    private readonly Action<IServiceCollection>? _services;

    public GuichetApp(Azurite storage, IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Hub = UniqueNames.Hub();
        _environment = environment;
        _storage = storage;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["AzureFunctionsJobHost:extensions:workflows:hubName"] = Hub,

            // Queue triggers wait at most a second while idle, so a test's message is not held up by the back-off.
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:01",
            ["Auth:Mode"] = "Development",
            ["Auth:Audience"] = Audience,
            ["Auth:DevelopmentSigningKey"] = SigningKey,
            ["Guichet:HistoryKey"] = TestKeys.HistoryText,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Hub { get; }

    public CapturedLogs Logs { get; } = new();

    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();

    /// <summary>A token of the development issuer for the test audience.</summary>
    public static string Token(IReadOnlyList<string> roles, string? org = "ars-idf", string name = "Alice", TimeProvider? time = null) =>
        DevelopmentIssuer.Issue(new DevelopmentToken(name, "dev:" + name.ToLowerInvariant(), roles, org, TimeSpan.FromHours(1)), Audience, SigningKey, time ?? TimeProvider.System);

    /// <summary>A client that sends <paramref name="token"/>, or none when it is null.</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client for an ARS administrator.</summary>
    public HttpClient Admin() => ClientWith(Token([Roles.ArsAdmin]));

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration reaches Program as command-line arguments, so it is there before the services are added.
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(_storage.Clients());
            services.AddSingleton<Guichet.Deciders.IDecider, CounterWorkflow>();
            services.AddSingleton<ILoggerProvider>(Logs);
            _services?.Invoke(services);
        });
    }
}
