using Guichet.Runtime;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Timers;
using Guichet.Deciders;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guichet.Bench;

/// <summary>A runtime on a benchmark's Azurite, and its listeners as a host would run them.</summary>
internal sealed class BenchRuntime : IAsyncDisposable
{
    private readonly TimerPoller _poller;
    private readonly OutboxSweeper _sweeper;

    private BenchRuntime(WorkflowRuntime runtime)
    {
        Runtime = runtime;
        _poller = new TimerPoller(runtime, NullLogger<TimerPoller>.Instance);
        _sweeper = new OutboxSweeper(runtime, NullLogger<OutboxSweeper>.Instance);
    }

    public WorkflowRuntime Runtime { get; }

    /// <summary>A runtime with its tables created; requests counted when a counter is given.</summary>
    public static async Task<WorkflowRuntime> CreateAsync(Azurite azurite, string hub, TimeProvider time, RequestCounter? counter, params IDecider[] workflows)
    {
        var runtime = new WorkflowRuntime(azurite.Clients(counter), new WorkflowRegistry(workflows), new RuntimeOptions { HubName = hub, HistoryKey = TestKeys.History }, time, NullLogger<WorkflowRuntime>.Instance);
        await runtime.InitializeAsync();
        return runtime;
    }

    /// <summary>Starts the timer poller and the outbox sweeper; disposing stops them.</summary>
    public static async Task<BenchRuntime> WithListenersAsync(WorkflowRuntime runtime)
    {
        var listening = new BenchRuntime(runtime);
        await listening._poller.StartAsync(CancellationToken.None);
        await listening._sweeper.StartAsync(CancellationToken.None);
        return listening;
    }

    public async ValueTask DisposeAsync()
    {
        await _poller.StopAsync(CancellationToken.None);
        await _sweeper.StopAsync(CancellationToken.None);
        _poller.Dispose();
        _sweeper.Dispose();
    }
}
