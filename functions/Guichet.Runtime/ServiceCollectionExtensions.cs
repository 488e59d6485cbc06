using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Timers;
using Guichet.Runtime.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

/// <summary>Registers the runtime and its listeners in a host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime (a singleton over the registered <see cref="StorageClients"/> and deciders, <see cref="Deciders.IDecider"/>),
    /// its table initialisation at start, the timer poller and the outbox sweeper.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        var options = new RuntimeOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new WorkflowRegistry(sp.GetServices<Deciders.IDecider>()));
        services.AddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<StorageClients>(),
            sp.GetRequiredService<WorkflowRegistry>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WorkflowRuntime>>()));
        services.TryAddSingleton<Schedules.DueWorkRunner>();
        services.AddHostedService(sp => new RuntimeInitializer(
            sp.GetRequiredService<WorkflowRuntime>(),
            sp.GetRequiredService<ILogger<WorkflowRuntime>>(),
            sp.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None));
        services.AddHostedService<TimerPoller>();
        services.AddHostedService<OutboxSweeper>();
        return services;
    }

    /// <summary>
    /// Creates the runtime's tables before the listeners start. Storage that does not answer does not stop the
    /// host: creation is tried again with back-off (up to a minute apart) in the background, and the listeners,
    /// which retry on their own, find the tables once it succeeds.
    /// </summary>
    private sealed class RuntimeInitializer(WorkflowRuntime runtime, ILogger logger, CancellationToken stopping) : IHostedService
    {
        private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!await TryInitializeAsync(cancellationToken))
            {
                _ = RetryAsync(stopping);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private async Task RetryAsync(CancellationToken ct)
        {
            for (var wait = TimeSpan.FromSeconds(1); !ct.IsCancellationRequested; wait = wait * 2 < LongestWait ? wait * 2 : LongestWait)
            {
                await Task.Delay(wait, runtime.Time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!ct.IsCancellationRequested && await TryInitializeAsync(ct))
                {
                    return;
                }
            }
        }

        private async Task<bool> TryInitializeAsync(CancellationToken ct)
        {
            try
            {
                await runtime.InitializeAsync(ct);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "The runtime's tables could not be created; trying again with back-off");
                return false;
            }
        }
    }
}
