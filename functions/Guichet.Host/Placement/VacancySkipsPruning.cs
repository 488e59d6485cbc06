using System.Globalization;
using Guichet.Runtime;
using Guichet.Runtime.Schedules;

namespace Guichet.Host.Placement;

/// <summary>
/// The <c>VacancySkipsPruning</c> timer: the full record of the dossiers a matching passed over (<see cref="SkippedDossiers"/>)
/// is deleted once its vacancy ended (filled or cancelled) longer ago than the retention, a bounded number of vacancies
/// per run, so that <c>{hub}VacancySkips</c> does not grow for ever. The vacancy keeps its skips in short (counts by reason).
/// </summary>
internal static class VacancySkipsPruning
{
    /// <summary>The timer's name (<c>Timers__VacancySkipsPruning__Schedule</c> overrides its schedule).</summary>
    public const string Name = "VacancySkipsPruning";

    /// <summary>Every night at 03:30.</summary>
    public const string Schedule = "0 30 3 * * *";

    /// <summary>The app setting <c>Placement__SkipsRetention</c>: how long after its vacancy ended a record is kept (a TimeSpan; default two years).</summary>
    public const string RetentionSetting = "Placement:SkipsRetention";

    /// <summary>
    /// Two years: long enough for a commission or the ARS to check a placement, and for a contested refusal to be
    /// reviewed; the record names people who were not proposed, so it is not kept longer than that check needs.
    /// </summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(730);

    /// <summary>The most vacancies a run prunes: a backlog is worked off over several nights, never in one long run.</summary>
    public const int VacanciesPerRun = 500;

    /// <summary>The timer's handler.</summary>
    public static async Task RunAsync(IServiceProvider services, TimerFiring firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(firing);
        var retention = Retention(services.GetRequiredService<IConfiguration>());
        var pruned = await services.GetRequiredService<SkippedDossiers>()
            .PruneAsync(services.GetRequiredService<WorkflowRuntime>(), firing.Occurrence - retention, VacanciesPerRun, cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VacancySkipsPruning))
            .LogInformation("Skipped-dossier records of {Vacancies} vacancies ended before {Retention} ago pruned", pruned, retention);
    }

    /// <summary>The retention the settings give; one that does not read, or is not positive, is refused, named.</summary>
    public static TimeSpan Retention(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[RetentionSetting] is not { Length: > 0 } text ? DefaultRetention
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
            : throw new InvalidOperationException($"The app setting Placement__SkipsRetention must be a positive duration (d.hh:mm:ss), not '{text}'.");
    }
}
