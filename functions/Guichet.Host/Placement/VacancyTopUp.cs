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
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VacancyTopUp));
        var eventId = $"topup:{firing.Occurrence:yyyyMMddHHmm}";
        var vacancies = rows.Select(r => r.GetString("vacancyId")).Where(id => id is not null).ToList();
        await EachAsync(vacancies, (id, ct) => matcher.MatchAsync(id, eventId, null, ct), logger, cancellationToken);
    }

    /// <summary>
    /// Tops up each vacancy in turn: one that fails (its lease, its payload, its state) is logged and the others still
    /// get their candidates; only a cancellation stops the run.
    /// </summary>
    internal static async Task EachAsync(IEnumerable<string> vacancyIds, Func<string, CancellationToken, Task> match, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var vacancyId in vacancyIds)
        {
            try
            {
                await match(vacancyId, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Top-up of vacancy {VacancyId} failed; the other places are topped up all the same", vacancyId);
            }
        }
    }
}
