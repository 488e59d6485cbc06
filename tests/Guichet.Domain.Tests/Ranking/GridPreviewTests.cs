using Guichet.Domain.Ranking;
using static Guichet.Domain.Tests.Ranking.Dossiers;

namespace Guichet.Domain.Tests.Ranking;

/// <summary>A draft grid is previewed against the current waiting list before activation.</summary>
public sealed class GridPreviewTests
{
    private static readonly WaitingDossier[] Waiting =
    [
        new(Plain("d-aicha", daysAgo: 300) with { MedicalSeverity = 2 }, new(Sex.Female, 1961, Department.Paris, [PathologyGroup.Cancer])),
        new(Plain("d-mamadou", daysAgo: 20) with { MedicalSeverity = 2, Housing = HousingSituation.StreetOrSquat }, new(Sex.Male, 1990, Department.SeineSaintDenis, [PathologyGroup.Infectious, PathologyGroup.ChronicSomatic])),
        new(Plain("d-piotr", daysAgo: 100) with { MedicalSeverity = 3 }, new(Sex.Male, 1975, null, [PathologyGroup.Psychiatric])),
    ];

    // The draft doubles the weight of the street, as an ARS might after a hard winter.
    private static readonly PriorityGrid Draft = PriorityGrid.Default with
    {
        Version = 2,
        Sections = [.. PriorityGrid.Default.Sections.Select(s => s.Code != "housing" ? s : s with { Criteria = [.. s.Criteria.Select(c => c.Code == "street-or-squat" ? c with { Points = 20 } : c)] })],
    };

    [Fact]
    public void DraftGrid_ShowsEachDossiersRankChange()
    {
        // Current: aïcha 8+10=18, piotr 12+3=15, mamadou 8+10+0=18 (later request than aïcha). Draft: mamadou 28.
        var preview = GridPreview.Compare(Waiting, PriorityGrid.Default, Draft, Now);

        Assert.Equal((1, 2), (preview.CurrentVersion, preview.DraftVersion));
        Assert.Equal(
            [new RankChange("d-mamadou", 2, 1, 18, 28), new RankChange("d-aicha", 1, 2, 18, 18), new RankChange("d-piotr", 3, 3, 15, 15)],
            preview.Dossiers);
        Assert.Equal([1, -1, 0], preview.Dossiers.Select(d => d.Movement));
    }

    [Fact]
    public void DraftGrid_ShowsTheChangesBySexAgeBandDepartmentAndPathologyGroup()
    {
        // The threshold of small groups lowered to one, to check the arithmetic on three dossiers.
        var preview = GridPreview.Compare(Waiting, PriorityGrid.Default, Draft, Now, smallestGroup: 1);

        Assert.Equal([new GroupChange("female", 1, -1, 0, 1, 0), new GroupChange("male", 2, 0.5, 1, 0, 1)], preview.BySex);
        Assert.Equal(
            [new GroupChange("25-39", 1, 1, 1, 0, 0), new GroupChange("40-54", 1, 0, 0, 0, 1), new GroupChange("65-plus", 1, -1, 0, 1, 0)],
            preview.ByAgeBand);
        Assert.Equal(
            [new GroupChange("75", 1, -1, 0, 1, 0), new GroupChange("93", 1, 1, 1, 0, 0), new GroupChange("unknown", 1, 0, 0, 0, 1)],
            preview.ByDepartment);
        Assert.Equal(
            [
                new GroupChange("infectious", 1, 1, 1, 0, 0), new GroupChange("cancer", 1, -1, 0, 1, 0),
                new GroupChange("chronic-somatic", 1, 1, 1, 0, 0), new GroupChange("psychiatric", 1, 0, 0, 0, 1),
            ],
            preview.ByPathologyGroup);
    }

    [Fact]
    public void GroupsOfFewerThanElevenDossiers_ShowNoFigure()
    {
        var preview = GridPreview.Compare(Waiting, PriorityGrid.Default, Draft, Now);

        Assert.All(preview.BySex.Concat(preview.ByAgeBand).Concat(preview.ByDepartment).Concat(preview.ByPathologyGroup), g => Assert.True(g.Suppressed));
        Assert.Equal(["female", "male"], preview.BySex.Select(g => g.Group));
        Assert.Equal(3, preview.Dossiers.Count);
    }

    [Fact]
    public void OneSmallGroup_MasksTheNextSmallestToo_SoThatTheTotalDoesNotGiveItAway()
    {
        // Twelve men and one woman: the woman's group is masked, and so is the men's, else 13 − 12 would tell her count.
        WaitingDossier[] waiting =
        [
            .. Enumerable.Range(0, 12).Select(i => new WaitingDossier(Plain($"d-m{i:D2}", daysAgo: 10 + i), new(Sex.Male, 1970, Department.Paris, [PathologyGroup.Infectious]))),
            new WaitingDossier(Plain("d-f", daysAgo: 5), new(Sex.Female, 1970, Department.Paris, [PathologyGroup.Infectious])),
        ];

        var preview = GridPreview.Compare(waiting, PriorityGrid.Default, Draft, Now);

        Assert.Equal([GroupChange.Masked("female"), GroupChange.Masked("male")], preview.BySex);
        Assert.Equal(13, Assert.Single(preview.ByDepartment).Dossiers);
    }

    [Fact]
    public void SameGrid_MovesNobody()
    {
        var preview = GridPreview.Compare(Waiting, PriorityGrid.Default, PriorityGrid.Default, Now);

        Assert.All(preview.Dossiers, d => Assert.Equal(0, d.Movement));
    }
}
