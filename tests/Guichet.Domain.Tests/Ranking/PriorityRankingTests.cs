using Guichet.Domain.Ranking;
using static Guichet.Domain.Tests.Ranking.Dossiers;

namespace Guichet.Domain.Tests.Ranking;

/// <summary>
/// Invariant 6 and the default grid of DESIGN §3: given waiting dossiers, when they are ranked, then the order,
/// the scores and their explanations.
/// </summary>
public sealed class PriorityRankingTests
{
    private static readonly string[] HousingCriteria = ["street-or-squat", "leaving-hospital-without-solution", "emergency-shelter", "hosted-by-third-parties", "precarious-housing"];
    private static readonly string[] AnchoringCriteria = ["followed-3-years", "followed-1-year", "wished-department-is-anchoring"];

    [Fact]
    public void DefaultGrid_IsVersionOneOfTheDesign()
    {
        var grid = PriorityGrid.Default;
        int Points(string section, string criterion) => grid.Sections.Single(s => s.Code == section).Criteria.Single(c => c.Code == criterion).Points;

        Assert.Equal(1, grid.Version);
        Assert.Equal([0, 4, 8, 12, 16, 20], Enumerable.Range(0, 6).Select(s => Points("medical-severity", $"severity-{s}")));
        Assert.Equal([0, 3, 6, 9, 12, 15], Enumerable.Range(0, 6).Select(v => Points("social-vulnerability", $"vulnerability-{v}")));
        Assert.Equal([10, 9, 7, 4, 3], HousingCriteria.Select(h => Points("housing", h)));
        Assert.Equal([5, 3, 2], AnchoringCriteria.Select(a => Points("anchoring", a)));
        Assert.Equal((1, 12), (grid.SeniorityPointsPer30Days, grid.SeniorityCap));
        Assert.Empty(GridValidation.Validate(grid));
    }

    [Theory]
    [InlineData(29, 0)]
    [InlineData(30, 1)]
    [InlineData(59, 1)]
    [InlineData(60, 2)]
    [InlineData(360, 12)]
    public void Seniority_CountsOnePointPerFullThirtyDays(int daysAgo, int points) =>
        Assert.Equal(points, Line(Ranked(Plain("d-1", daysAgo)), "seniority").Points);

    [Fact]
    public void Seniority_IsCappedAtTwelvePoints()
    {
        var twoYears = Ranked(Plain("d-1", daysAgo: 730));

        Assert.Equal(new ExplanationLine("seniority", "full-30-day-periods", "730 jours", 12), Line(twoYears, "seniority"));
        Assert.Equal(12, twoYears.Score);
    }

    [Fact]
    public void WithinASection_OnlyTheHighestCriterionCounts()
    {
        // Followed for 4 years (5) and wishing to live where followed (2): anchoring gives 5, not 7.
        var anchored = Plain("d-1") with { FollowedInRegionSince = new DateOnly(2022, 5, 2), AnchoringDepartments = [Department.SeineSaintDenis], WishedDepartments = [Department.SeineSaintDenis] };

        var line = Line(Ranked(anchored), "anchoring");

        Assert.Equal(("followed-3-years", 5), (line.Criterion, line.Points));
    }

    [Fact]
    public void SectionsAddUp_AndTheExplanationSumsToTheScore()
    {
        var dossier = Plain("d-1", daysAgo: 95) with
        {
            MedicalSeverity = 4,
            SocialVulnerability = 3,
            Housing = HousingSituation.StreetOrSquat,
            FollowedInRegionSince = new DateOnly(2025, 1, 15),
            AnchoringDepartments = [Department.Paris],
            WishedDepartments = [Department.ValDeMarne],
        };

        var ranked = Ranked(dossier);

        Assert.Equal(
            [
                new("medical-severity", "severity-4", "gravité 4/5", 16),
                new("social-vulnerability", "vulnerability-3", "vulnérabilité 3/5", 9),
                new("housing", "street-or-squat", "street-or-squat", 10),
                new("anchoring", "followed-1-year", "suivi dans la région depuis 1 an(s) ; souhaités : 94 ; ancrage : 75", 3),
                new ExplanationLine("seniority", "full-30-day-periods", "95 jours", 3),
            ],
            ranked.Explanation);
        Assert.Equal(16 + 9 + 10 + 3 + 3, ranked.Score);
    }

    [Fact]
    public void OtherHousing_ScoresNothing_AndSaysSo()
    {
        Assert.Equal(new ExplanationLine("housing", ExplanationLine.NoCriterion, "other", 0), Line(Ranked(Plain("d-1")), "housing"));
    }

    [Fact]
    public void WishedDepartmentWhereThePersonIsFollowed_GivesTwoPoints()
    {
        var dossier = Plain("d-1") with { AnchoringDepartments = [Department.Essonne, Department.Paris], WishedDepartments = [Department.Paris] };

        Assert.Equal(2, Line(Ranked(dossier), "anchoring").Points);
    }

    [Fact]
    public void FollowedSinceAYearAlone_CountsFromTheFirstOfJuly()
    {
        Assert.Equal(new DateOnly(2023, 7, 1), RankingInput.AnchoringStart(PartialDate.OfYear(2023)));
        Assert.Equal(new DateOnly(2023, 3, 9), RankingInput.AnchoringStart(PartialDate.Of(new DateOnly(2023, 3, 9))));
        Assert.Equal(3, (Plain("d-1") with { FollowedInRegionSince = new DateOnly(2023, 7, 1) }).YearsFollowedInRegion(new DateOnly(2026, 7, 1)));
        Assert.Equal(2, (Plain("d-1") with { FollowedInRegionSince = new DateOnly(2023, 7, 1) }).YearsFollowedInRegion(new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void HigherScore_RanksFirst_NotFirstComeFirstServed()
    {
        var early = Plain("d-early", daysAgo: 200);
        var severe = Plain("d-severe", daysAgo: 3) with { MedicalSeverity = 5 };

        var ranked = PriorityRanking.Rank([early, severe], PriorityGrid.Default, Now);

        Assert.Equal(["d-severe", "d-early"], ranked.Dossiers.Select(d => d.DossierId));
        Assert.Equal([1, 2], ranked.Dossiers.Select(d => d.Rank));
    }

    [Fact]
    public void Ties_GoToTheEarlierRequest_ThenToTheSmallerDossierId()
    {
        var sameDay = Now.AddDays(-10);
        var dossiers = new[]
        {
            Plain("d-b") with { FirstRequestAt = sameDay },
            Plain("d-later") with { FirstRequestAt = sameDay.AddHours(5) },
            Plain("d-a") with { FirstRequestAt = sameDay },
            Plain("D-z") with { FirstRequestAt = sameDay },
        };

        var ranked = PriorityRanking.Rank(dossiers, PriorityGrid.Default, Now);

        Assert.All(ranked.Dossiers, d => Assert.Equal(0, d.Score));
        Assert.Equal(["D-z", "d-a", "d-b", "d-later"], ranked.Dossiers.Select(d => d.DossierId));
    }

    [Fact]
    public void EachRanking_RecordsTheGridVersionAndTheInstant()
    {
        var grid = PriorityGrid.Default with { Version = 7 };

        var ranked = PriorityRanking.Rank([Plain("d-1")], grid, Now);

        Assert.Equal((7, Now), (ranked.GridVersion, ranked.RankedAt));
    }

    [Fact]
    public void ADossierTwiceInTheList_IsABug_AndRefused()
    {
        Assert.Throws<ArgumentException>(() => PriorityRanking.Rank([Plain("d-1"), Plain("d-1", 40)], PriorityGrid.Default, Now));
    }

    [Fact]
    public void AnInvalidGrid_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => PriorityRanking.Rank([Plain("d-1")], PriorityGrid.Default with { SeniorityCap = -1 }, Now));
    }
}
