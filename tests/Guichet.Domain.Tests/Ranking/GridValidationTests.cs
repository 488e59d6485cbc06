using Guichet.Domain.Ranking;

namespace Guichet.Domain.Tests.Ranking;

/// <summary>A grid the ARS edits is validated before use: every violation, with its path.</summary>
public sealed class GridValidationTests
{
    [Fact]
    public void GridWithEveryRuleBroken_ListsEachViolationWithItsPath()
    {
        var grid = new PriorityGrid(
            0,
            [
                new("housing", "Logement", [new("street", CriterionKind.Housing, -2), new("street", CriterionKind.MedicalSeverity, 3, Threshold: 6, Housing: HousingSituation.EmergencyShelter)]),
                new("housing", "Encore", []),
                new("seniority", "Réservé", [new("none", CriterionKind.FollowedInRegionYears, 1, Threshold: -1)]),
            ],
            SeniorityPointsPer30Days: -1,
            SeniorityCap: -12);

        var paths = GridValidation.Validate(grid).Select(v => v.Path);

        Assert.Equal(
            [
                "$.version", "$.seniorityPointsPer30Days", "$.seniorityCap",
                "$.sections[0].criteria[0].points", "$.sections[0].criteria[0].housing",
                "$.sections[0].criteria[1].code", "$.sections[0].criteria[1].threshold", "$.sections[0].criteria[1].housing",
                "$.sections[1].code", "$.sections[1].criteria",
                "$.sections[2].code", "$.sections[2].criteria[0].code", "$.sections[2].criteria[0].threshold",
            ],
            paths);
    }

    [Fact]
    public void GridWithoutSections_IsInvalid()
    {
        Assert.Equal("$.sections", Assert.Single(GridValidation.Validate(PriorityGrid.Default with { Sections = [] })).Path);
    }

    [Fact]
    public void ZeroPointsAndAZeroCap_AreValid()
    {
        var grid = PriorityGrid.Default with { SeniorityCap = 0, Sections = [new("housing", "Logement", [new("street", CriterionKind.Housing, 0, Housing: HousingSituation.StreetOrSquat)])] };

        Assert.Empty(GridValidation.Validate(grid));
    }
}
