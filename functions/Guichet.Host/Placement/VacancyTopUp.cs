using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Placement;
using Guichet.Host.ReadModels;
using Guichet.Runtime;
using Guichet.Runtime.Schedules;

namespace Guichet.Host.Placement;

/// <summary>
/// The <c>VacancyTopUp</c> timer: a place with open slots is matched again, so that a dossier declared admissible after
/// the place's last matching is proposed (a candidacy that ends asks for a top-up itself). One event id per place and
/// occurrence, so a firing run twice proposes once.
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
            .ReadAllAsync(TableClient.CreateQueryFilter($"openSlots gt 0 and (status eq {candidates} or status eq {answers})"), cancellationToken);
        foreach (var vacancyId in rows.Select(r => r.GetString("vacancyId")).Where(id => id is not null))
        {
            await matcher.MatchAsync(vacancyId, $"topup:{firing.Occurrence:yyyyMMddHHmm}", null, cancellationToken);
        }
    }
}
