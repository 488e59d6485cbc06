using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Workflows;
using Guichet.Runtime.Timers;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests;

/// <summary>A runtime on the shared Azurite with a hub of its own, a fake clock, and optionally its listeners running.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _listeners = [];

    private RuntimeHarness(WorkflowRuntime runtime, FakeTimeProvider? clock)
    {
        Runtime = runtime;
        Clock = clock;
    }

    public static readonly DateTimeOffset Epoch = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public WorkflowRuntime Runtime { get; }

    public FakeTimeProvider? Clock { get; }

    public FakeTimeProvider FakeClock => Clock ?? throw new InvalidOperationException("This harness runs on real time.");

    public static Task<RuntimeHarness> CreateAsync(
        AzuriteFixture azurite,
        string? hub = null,
        FakeTimeProvider? clock = null,
        bool realTime = false,
        Action<RuntimeOptions>? configure = null,
        IEnumerable<Guichet.Deciders.IDecider>? workflows = null,
        StorageClients? clients = null) =>
        CreateAsync(azurite.Azurite, hub, clock, realTime, configure, workflows, clients);

    public static async Task<RuntimeHarness> CreateAsync(
        Azurite azurite,
        string? hub = null,
        FakeTimeProvider? clock = null,
        bool realTime = false,
        Action<RuntimeOptions>? configure = null,
        IEnumerable<Guichet.Deciders.IDecider>? workflows = null,
        StorageClients? clients = null)
    {
        clock ??= realTime ? null : new FakeTimeProvider(Epoch);
        var options = new RuntimeOptions { HubName = hub ?? UniqueNames.Hub(), HistoryKey = TestKeys.History };
        configure?.Invoke(options);
        var runtime = new WorkflowRuntime(
            clients ?? azurite.Clients(),
            new WorkflowRegistry(workflows ?? [new ProbeWorkflow()]),
            options,
            (TimeProvider?)clock ?? TimeProvider.System,
            NullLogger<WorkflowRuntime>.Instance);
        await runtime.InitializeAsync();
        return new RuntimeHarness(runtime, clock);
    }

    /// <summary>Starts the timer poller and the outbox sweeper, as a host would.</summary>
    public RuntimeHarness WithListeners()
    {
        var poller = new TimerPoller(Runtime, NullLogger<TimerPoller>.Instance);
        var sweeper = new OutboxSweeper(Runtime, NullLogger<OutboxSweeper>.Instance);
        _listeners.Add(poller.StartAsync(_stop.Token));
        _listeners.Add(sweeper.StartAsync(_stop.Token));
        _services.Add(poller);
        _services.Add(sweeper);
        return this;
    }

    private readonly List<Microsoft.Extensions.Hosting.BackgroundService> _services = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }

        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
