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
        services.AddHostedService<RuntimeInitializer>();
        services.AddHostedService<TimerPoller>();
        services.AddHostedService<OutboxSweeper>();
        return services;
    }

    /// <summary>Creates the runtime's tables before the listeners start.</summary>
    private sealed class RuntimeInitializer(WorkflowRuntime runtime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => runtime.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
