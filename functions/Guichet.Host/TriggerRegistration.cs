using Guichet.Runtime;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Schedules;

namespace Guichet.Host;

/// <summary>
/// Every queue and timer trigger of the app, one line each, in this one method: the host registers them from
/// here, and the infrastructure tests read the queues from here to check that each has its queue and its
/// KEDA scale rule in Azure. HTTP triggers are mapped in <c>Program.cs</c>.
/// </summary>
public static class TriggerRegistration
{
    /// <summary>
    /// Adds the queue triggers and the timer triggers (the durable runtime's own timer poller and outbox sweeper
    /// run as hosted services besides them). Call it after <see cref="HostRegistration.AddGuichetServices"/>,
    /// whose queue and timer options the triggers use.
    /// </summary>
    public static IServiceCollection AddGuichetTriggers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQueueTrigger<WorkflowEventsHandler>("WorkflowEvents", WorkflowEventsHandler.QueueName);
        services.AddTimerTrigger("OutboxSweep", "0 */30 * * * *", (sp, _, ct) => sp.GetRequiredService<WorkflowRuntime>().SweepOutboxAsync(ct));
        return services;
    }
}
