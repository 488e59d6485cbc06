using Guichet.Runtime;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Storage;

namespace Guichet.Host.Intake;

/// <summary>The intake's services: its settings, stores and routing; its trigger is listed in <see cref="TriggerRegistration"/>.</summary>
public static class IntakeRegistration
{
    /// <summary>
    /// Adds the intake's settings (checked now: the host does not start without an identity hash key outside Development),
    /// its tables under the task hub (<c>{hub}IntakeKeys</c>, <c>{hub}IdentityIndex</c>, <c>{hub}IntakeRejections</c>), the
    /// reader of rejections the API shows prescribers, and the creation of its tables and queues at start.
    /// </summary>
    public static WebApplicationBuilder AddGuichetIntake(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = IntakeSettings.Read(builder.Configuration, builder.Environment.IsDevelopment());
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(sp => new IntakeKeys(Table(sp, "IntakeKeys")));
        services.AddSingleton(sp => new IdentityIndex(Table(sp, "IdentityIndex"), new IdentityHasher(settings.IdentityHashKey)));
        services.AddSingleton(sp => new IntakeRejections(
            Table(sp, "IntakeRejections"),
            sp.GetRequiredService<StorageClients>().Queues.GetQueueClient(IntakeRejections.Queue),
            sp.GetRequiredService<QueueTriggerOptions>().MessageEncoding,
            settings.RejectedMessageRetention,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IntakeFailures>();
        services.AddSingleton<DossierCandidates>();
        services.AddSingleton<IntakeRouter>();
        services.AddHostedService(sp => new IntakeStorage(
            sp.GetRequiredService<IntakeKeys>(),
            sp.GetRequiredService<IdentityIndex>(),
            sp.GetRequiredService<IntakeRejections>(),
            sp.GetRequiredService<StorageClients>().Queues,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IntakeStorage>>(),
            sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping));
        return builder;
    }

    private static Azure.Data.Tables.TableClient Table(IServiceProvider services, string name) =>
        services.GetRequiredService<StorageClients>().Tables.GetTableClient(services.GetRequiredService<RuntimeOptions>().HubName + name);
}
