using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Placement;
using Guichet.Host.ReadModels;
using Guichet.Runtime;
using Guichet.Runtime.Schedules;

namespace Guichet.Host.Placement;

/// <summary>
/// The <c>VacancyTopUp</c> timer: the places with open slots are matched again, one wave a device, so that a dossier
/// declared admissible after a place's last matching is proposed (a candidacy that ends asks for a top-up itself). One
/// event id per place and occurrence, so a firing run twice proposes once.
/// </summary>
internal static class VacancyTopUp
{
    /// <summary>The timer's name (<c>Timers__VacancyTopUp__Schedule</c> overrides its schedule).</summary>
    public const string Name = "VacancyTopUp";

    /// <summary>Every 15 minutes.</summary>
    public const string Schedule = "0 */15 * * * *";

    /// <summary>The timer's handler.</summary>
    public static async Task RunAsync(IServiceProvider services, TimerFiring firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(firing);
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var matcher = services.GetRequiredService<VacancyMatcher>();
        var (candidates, answers) = (WireName.Of(VacancyStatus.AwaitingCandidates), WireName.Of(VacancyStatus.AwaitingAnswers));
        var rows = await runtime.ReadModel(PlacementReadModels.Vacancies)
            .ReadAllAsync(TableClient.CreateQueryFilter($"status eq {candidates} or status eq {answers}"), cancellationToken);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VacancyTopUp));
        var eventId = $"topup:{firing.Occurrence:yyyyMMddHHmm}";
        var asked = rows
            .Where(HasOpenSlots)
            .Select(r => (Device: WireName.TryParse<Device>(r.GetString("device"), out var device) ? device : (Device?)null, Id: r.GetString("vacancyId")))
            .Where(r => r.Device is not null && r.Id is not null)
            .GroupBy(r => r.Device!.Value, r => r.Id!)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.ToHashSet(StringComparer.Ordinal));
        await EachAsync(asked.Keys, (device, ct) => matcher.MatchDeviceAsync(device, asked[device], eventId, ct), logger, cancellationToken);
    }

    /// <summary>
    /// Whether a place's row shows open slots. Read here, not in the query: the column is an Int64, and Azure compares
    /// a filter's constant of another type (a plain 0 is an Int32) as no match.
    /// </summary>
    internal static bool HasOpenSlots(TableEntity row) => row.GetInt64("openSlots") > 0;

    /// <summary>
    /// Tops up each device's places in turn, one wave a device: one that fails (its lease, its list) is logged and the
    /// other devices still get their candidates (within a wave, a place that fails does not stop the others); only a
    /// cancellation stops the run.
    /// </summary>
    internal static async Task EachAsync<TDevice>(IEnumerable<TDevice> devices, Func<TDevice, CancellationToken, Task> match, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var device in devices)
        {
            try
            {
                await match(device, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Top-up of the places of {Device} failed; the other devices are topped up all the same", device);
            }
        }
    }
}
