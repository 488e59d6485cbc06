using Guichet.Host.Commissions;
using Guichet.Host.Config;
using Guichet.Host.Configuration;
using Guichet.Host.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.Intake;
using Guichet.Host.Observability;
using Guichet.Host.Placement;
using Guichet.Host.Security;
using Guichet.Host.Stays;
using Guichet.Host.Structures;
using Guichet.Runtime;
using Guichet.Runtime.Schedules;

namespace Guichet.Host;

/// <summary>The host's services, wired in one place.</summary>
public static class HostRegistration
{
    /// <summary>Adds storage, the durable runtime and its listeners, the triggers' options, the workflows, the features' services (intake, priority grid, commissions), health checks, authentication, HTTP conventions and telemetry.</summary>
    public static WebApplicationBuilder AddGuichetServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => StorageConnection.Create(sp.GetRequiredService<IConfiguration>()));
        var runtime = new RuntimeOptions();
        WorkflowSettings.Bind(builder.Configuration, runtime);
        builder.Services.AddWorkflowRuntime(options => WorkflowSettings.Bind(builder.Configuration, options));
        builder.Services.AddSingleton(QueueSettings.Read(builder.Configuration));

        // Timer leases belong to the task hub, like its tables: two apps on one account never share a firing.
        builder.Services.AddSingleton(TimerTriggerOptions.FromConfiguration(builder.Configuration) with { LeaseContainer = runtime.HubName.ToLowerInvariant() + "-timers" });
        builder.Services.AddSingleton(sp => new DeviceOpenings(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimerTriggerOptions>().TimeZone));
        builder.AddGuichetDossiers();
        builder.AddGuichetIntake();
        builder.AddGuichetPlacement();
        builder.AddGuichetStays();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        builder.Services.AddProblemDetails();
        builder.AddGuichetSecurity();
        builder.AddGuichetHttp();
        builder.AddGuichetObservability();

        builder.Services.AddPriorityGrid();
        builder.Services.AddCommissions();
        builder.Services.AddStructures();
        return builder;
    }
}
