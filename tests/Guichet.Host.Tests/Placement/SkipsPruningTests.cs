using Guichet.Domain.Placement;
using Guichet.Host.Placement;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// The record of the dossiers a matching passed over is pruned once its vacancy ended longer ago than the retention
/// (two years by default), a bounded number of vacancies per run; an open place's, or a recent one's, is kept.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class SkipsPruningTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 30, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task RecordsOfVacanciesEndedBeforeTheRetention_ArePruned_BoundedPerRun_AndTheOthersKept()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var skips = host.App.Services.GetRequiredService<SkippedDossiers>();
        var vacancies = new (string Id, DateTimeOffset? EndedAt, int Skipped)[]
        {
            ("vacancy-old-1", Now.AddDays(-1100), 150),
            ("vacancy-old-2", Now.AddDays(-800), 3),
            ("vacancy-recent", Now.AddDays(-365), 3),
            ("vacancy-open", null, 3),
        };
        foreach (var (id, endedAt, skipped) in vacancies)
        {
            await ReadModelSeed.WriteAsync(host.Runtime, PlacementReadModels.Vacancies, "act-92-trait-d-union", id, new { vacancyId = id, endedAt });
            await skips.WriteAsync(id, "k", Match(skipped), CancellationToken.None);
        }

        var firstRun = await skips.PruneAsync(host.Runtime, Now - VacancySkipsPruning.DefaultRetention, max: 1, CancellationToken.None);

        Assert.Equal(1, firstRun);
        Assert.Equal([0, 3, 3, 3], await CountsAsync(skips, vacancies.Select(v => v.Id)));
        await VacancySkipsPruning.RunAsync(host.App.Services, new TimerFiring(VacancySkipsPruning.Name, Now, false), CancellationToken.None);
        Assert.Equal([0, 0, 3, 3], await CountsAsync(skips, vacancies.Select(v => v.Id)));
        Assert.Equal(0, await skips.PruneAsync(host.Runtime, Now - VacancySkipsPruning.DefaultRetention, max: 10, CancellationToken.None));
    }

    [Fact(Timeout = 120_000)]
    public async Task VacanciesEndedAtOneInstant_MoreThanARunTakes_ArePrunedOverRuns_NotTheSameAgain()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var skips = host.App.Services.GetRequiredService<SkippedDossiers>();
        var ids = Enumerable.Range(0, 5).Select(i => $"vacancy-same-{i}").ToList();
        foreach (var id in ids)
        {
            await ReadModelSeed.WriteAsync(host.Runtime, PlacementReadModels.Vacancies, "act-92-trait-d-union", id, new { vacancyId = id, endedAt = Now.AddDays(-900) });
            await skips.WriteAsync(id, "k", Match(2), CancellationToken.None);
        }

        var runs = new List<int>();
        for (var run = 0; run < 3; run++)
        {
            runs.Add(await skips.PruneAsync(host.Runtime, Now - VacancySkipsPruning.DefaultRetention, max: 2, CancellationToken.None));
        }

        Assert.Equal([2, 2, 1], runs);
        Assert.All(await CountsAsync(skips, ids), count => Assert.Equal(0, count));
    }

    private static MatchResult Match(int skipped) =>
        new(1, Now, [], [.. Enumerable.Range(1, skipped).Select(r => new SkippedDossier($"D-{r}", r, [SkipReason.PetsNotAccepted], ""))]);

    private static async Task<List<int>> CountsAsync(SkippedDossiers skips, IEnumerable<string> vacancyIds)
    {
        var counts = new List<int>();
        foreach (var id in vacancyIds)
        {
            counts.Add((await skips.ReadAsync(id, "k", CancellationToken.None)).Count);
        }

        return counts;
    }
}
