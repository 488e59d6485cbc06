using Guichet.Domain;
using Guichet.Host.Commissions;
using Guichet.Host.Intake;
using Guichet.Host.Placement;
using Guichet.Host.Stays;
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
    /// run as hosted services besides them; other hosts' unfinished work is swept by the scheduled job every minute). Call it after <see cref="HostRegistration.AddGuichetServices"/>,
    /// whose queue and timer options the triggers use.
    /// </summary>
    public static IServiceCollection AddGuichetTriggers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQueueTrigger<WorkflowEventsHandler>("WorkflowEvents", WorkflowEventsHandler.QueueName);
        services.AddQueueTrigger<IntakeHandler>("DossiersIntake", IntakeHandler.QueueName);
        services.AddQueueTrigger<MatchingHandler>("VacancyMatching", MatchingHandler.QueueName);
        services.AddTimerTrigger("CommissionAct", CommissionCycle.Monthly, CommissionCycle.Opens(Device.Act));
        services.AddTimerTrigger("CommissionLhss", CommissionCycle.Daily, CommissionCycle.Opens(Device.Lhss));
        services.AddTimerTrigger("CommissionLam", CommissionCycle.Daily, CommissionCycle.Opens(Device.Lam));
        services.AddTimerTrigger(VacancyTopUp.Name, VacancyTopUp.Schedule, VacancyTopUp.RunAsync);
        services.AddTimerTrigger(VacancySkipsPruning.Name, VacancySkipsPruning.Schedule, VacancySkipsPruning.RunAsync);
        services.AddQueueTrigger<PlacementStartHandler>("PlacementStarts", PlacementStartHandler.QueueName);
        return services;
    }
}
