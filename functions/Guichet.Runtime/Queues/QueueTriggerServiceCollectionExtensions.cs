using Guichet.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Queues;

/// <summary>Registers queue triggers, one line per function, so that the entry point lists them.</summary>
public static class QueueTriggerServiceCollectionExtensions
{
    /// <summary>
    /// Adds a queue trigger whose handler is a class resolved from the services (a singleton). The listener uses
    /// the registered <see cref="QueueTriggerOptions"/> (defaults when none) and <see cref="StorageClients"/>.
    /// </summary>
    public static IServiceCollection AddQueueTrigger<THandler>(this IServiceCollection services, string name, string queueName)
        where THandler : class, IQueueMessageHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<THandler>();
        return services.AddQueueTrigger(name, queueName, (sp, message, ct) => sp.GetRequiredService<THandler>().HandleAsync(message, ct));
    }

    /// <summary>Adds a queue trigger whose handler is a function of the services, the message and the cancellation token.</summary>
    public static IServiceCollection AddQueueTrigger(this IServiceCollection services, string name, string queueName, Func<IServiceProvider, QueueMessageContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (!QueueNames.IsValid(queueName) || !QueueNames.IsValid(QueueNames.Poison(queueName)))
        {
            throw new ArgumentException($"'{queueName}' is not a valid queue name of at most 56 characters.", nameof(queueName));
        }

        var registered = services.Select(d => d.ImplementationInstance).OfType<QueueTriggerRegistration>().ToList();
        if (registered.Any(r => r.Name == name || r.Queue == queueName))
        {
            throw new ArgumentException($"A queue trigger named '{name}' or listening to '{queueName}' is already registered.", nameof(name));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new QueueTriggerOptions());
        services.TryAddSingleton(sp => new DeadLetters(sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<QueueTriggerOptions>().MessageEncoding));
        services.AddSingleton(new QueueTriggerRegistration(name, queueName));
        services.AddSingleton<IHostedService>(sp => new QueueListener(
            queueName,
            (message, ct) => handler(sp, message, ct),
            sp.GetRequiredService<StorageClients>().Queues,
            sp.GetRequiredService<QueueTriggerOptions>(),
            sp.GetRequiredService<DeadLetters>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueListener>>()));
        return services;
    }
}
