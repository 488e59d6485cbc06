using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Guichet.Domain.Ranking;

namespace Guichet.Domain.Tests.Ranking;

/// <summary>Invariant 6 on generated waiting lists: deterministic whatever the input order, explanations that add up.</summary>
public sealed class RankingProperties
{
    private static readonly DateTimeOffset Now = Dossiers.Now;

    /// <summary>Waiting lists of up to 60 dossiers with coarse values, so that ties on score and on request date come often.</summary>
    private static Arbitrary<RankingInput[]> WaitingLists()
    {
        var departments = Enum.GetValues<Department>();
        var subset = Gen.Elements(departments).ArrayOf().Select(d => d.Distinct().ToArray());
        var dossier =
            from severity in Gen.Choose(0, 5)
            from vulnerability in Gen.Choose(0, 5)
            from housing in Gen.Elements(Enum.GetValues<HousingSituation>())
            from daysAgo in Gen.Elements(0, 15, 30, 45, 400, 1000)
            from hour in Gen.Choose(0, 2)
            from followedYears in Gen.Elements<int?>(null, 0, 1, 2, 5)
            from anchoring in subset
            from wished in subset
            select (severity, vulnerability, housing, daysAgo, hour, followedYears, anchoring, wished);
        return dossier.ListOf().Select(list => list.Select((d, i) => new RankingInput(
            $"D-{(i * 7919) % 1000:D3}-{i}",
            Now.AddDays(-d.daysAgo).AddHours(-d.hour),
            d.severity,
            d.vulnerability,
            d.housing,
            d.followedYears is { } years ? DateOnly.FromDateTime(Now.DateTime).AddYears(-years).AddDays(-3) : null,
            d.anchoring,
            d.wished)).ToArray()).ToArbitrary();
    }

    [Property(MaxTest = 300)]
    public Property Ranking_IsDeterministic_UnderAnyPermutationOfTheInput() =>
        Prop.ForAll(WaitingLists(), ArbMap.Default.ArbFor<int>(), (dossiers, seed) =>
        {
            var shuffled = dossiers.OrderBy(_ => 0).ToArray();
            new Random(seed).Shuffle(shuffled);

            var once = PriorityRanking.Rank(dossiers, PriorityGrid.Default, Now).Dossiers;
            var again = PriorityRanking.Rank(shuffled, PriorityGrid.Default, Now).Dossiers;

            Assert.Equal(once.Select(d => (d.DossierId, d.Rank, d.Score)), again.Select(d => (d.DossierId, d.Rank, d.Score)));
            Assert.Equal(once.SelectMany(d => d.Explanation), again.SelectMany(d => d.Explanation));
        });

    [Property(MaxTest = 300)]
    public Property ExplanationPoints_SumToTheScore_OneLinePerSection() =>
        Prop.ForAll(WaitingLists(), dossiers =>
        {
            foreach (var ranked in PriorityRanking.Rank(dossiers, PriorityGrid.Default, Now).Dossiers)
            {
                Assert.Equal(ranked.Score, ranked.Explanation.Sum(l => l.Points));
                Assert.Equal(["medical-severity", "social-vulnerability", "housing", "anchoring", "seniority"], ranked.Explanation.Select(l => l.Section));
                Assert.InRange(ranked.Explanation[^1].Points, 0, PriorityGrid.Default.SeniorityCap);
            }
        });

    [Property(MaxTest = 300)]
    public Property RankedList_IsOrderedByScore_ThenRequestDate_ThenDossierId() =>
        Prop.ForAll(WaitingLists(), dossiers =>
        {
            var ranked = PriorityRanking.Rank(dossiers, PriorityGrid.Default, Now).Dossiers;

            Assert.Equal(Enumerable.Range(1, dossiers.Length), ranked.Select(d => d.Rank));
            foreach (var (better, worse) in ranked.Zip(ranked.Skip(1)))
            {
                var ordered = better.Score > worse.Score
                    || (better.Score == worse.Score && better.FirstRequestAt < worse.FirstRequestAt)
                    || (better.Score == worse.Score && better.FirstRequestAt == worse.FirstRequestAt && string.CompareOrdinal(better.DossierId, worse.DossierId) < 0);
                Assert.True(ordered, $"{better.DossierId} ranked before {worse.DossierId}");
            }
        });
}
