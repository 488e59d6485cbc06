using Guichet.Runtime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Schedules;

/// <summary>Registers timer triggers, one line per function, so that the entry point lists them.</summary>
public static class TimerTriggerServiceCollectionExtensions
{
    /// <summary>
    /// Adds a timer trigger: its listener (catch-up at start, then each occurrence) and its part in the one-shot
    /// <see cref="DueWorkRunner"/>. The schedule is <c>Timers:&lt;name&gt;:Schedule</c> when set, else
    /// <paramref name="defaultSchedule"/>; the time zone is <c>Timers:TimeZone</c> (UTC by default).
    /// </summary>
    public static IServiceCollection AddTimerTrigger(this IServiceCollection services, string name, string defaultSchedule, Func<IServiceProvider, TimerFiring, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(services);
        TimerNames.Validate(name, nameof(name));
        _ = new CronSchedule(defaultSchedule, TimeZoneInfo.Utc);
        ArgumentNullException.ThrowIfNull(handler);
        if (services.Select(d => d.ImplementationInstance).OfType<TimerTriggerRegistration>().Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A timer trigger named '{name}' is already registered.", nameof(name));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => TimerTriggerOptions.FromConfiguration(sp.GetService<IConfiguration>()));
        services.TryAddSingleton<DueWorkRunner>();
        services.AddSingleton(new TimerTriggerRegistration(name, defaultSchedule));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<TimerTriggerOptions>();
            var schedule = sp.GetService<IConfiguration>()?[$"Timers:{name}:Schedule"] is { Length: > 0 } configured ? configured : defaultSchedule;
            return new TimerTrigger(
                name,
                new CronSchedule(schedule, options.TimeZone),
                (firing, ct) => handler(sp, firing, ct),
                sp.GetRequiredService<StorageClients>().Blobs,
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<TimerTrigger>>());
        });
        services.AddSingleton<IHostedService>(sp => new TimerListener(
            sp.GetServices<TimerTrigger>().Single(t => t.Name == name),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TimerListener>>()));
        return services;
    }
}
