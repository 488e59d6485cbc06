using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Ranking;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Ranking;

/// <summary>
/// Invariant 6, same data, same order: a dossier brings the same input to a commission's agenda (read from its
/// state) and to the waiting list (read from its row), and the social reading's assessment counts over the request's.
/// </summary>
public sealed class RankingInputsTests
{
    [Fact]
    public void TheAgendaAndTheWaitingList_ReadTheSameInput()
    {
        var dossier = Scenario().Given(Open(), [.. ToTheCommission(), Admissible(priorityOverride: "Sortie d'hôpital imminente.")]);

        var fromState = RankingInputs.Of(dossier);
        var fromRow = RankingInputs.Of(DossierRows.WaitingListRowOf(dossier));

        Assert.Equal(Describe(fromState), Describe(fromRow));
        Assert.Equal("Sortie d'hôpital imminente.", fromRow.PriorityOverride);
        Assert.Equal(
            PriorityRanking.Rank([fromState], PriorityGrid.Default, Now).Dossiers.Single().Explanation,
            PriorityRanking.Rank([fromRow], PriorityGrid.Default, Now).Dossiers.Single().Explanation);
    }

    [Fact]
    public void TheSocialReading_ReplacesTheRequestsHousingAndAnchoring_WhereItGivesThem()
    {
        var reader = Social(anchoring: new Anchoring([Department.ValDeMarne], PartialDate.Of(new DateOnly(2020, 3, 1))));
        var read = Scenario().Given(Open(), Medical(severity: 2), reader);
        var silent = Scenario().Given(Open(), Medical(severity: 2), Social());

        var input = RankingInputs.Of(read);
        var fallback = RankingInputs.Of(silent);

        Assert.Equal((2, 3, HousingSituation.EmergencyShelter), (input.MedicalSeverity, input.SocialVulnerability, input.Housing));
        Assert.Equal([Department.ValDeMarne], input.AnchoringDepartments);
        Assert.Equal(new DateOnly(2020, 3, 1), input.FollowedInRegionSince);
        Assert.Equal([Department.SeineSaintDenis, Department.Paris], fallback.AnchoringDepartments);
        Assert.Equal(new DateOnly(2021, 7, 1), fallback.FollowedInRegionSince);
        Assert.Equal([Department.SeineSaintDenis], input.WishedDepartments);
    }

    [Fact]
    public void ADossierWithoutBothReadings_CannotBeRanked() =>
        Assert.Throws<ArgumentException>(() => RankingInputs.Of(Scenario().Given(Open(), Medical())));

    private static string Describe(RankingInput input) =>
        $"{input.DossierId}|{input.FirstRequestAt:O}|{input.MedicalSeverity}|{input.SocialVulnerability}|{input.Housing}|{input.FollowedInRegionSince}|"
        + $"{string.Join(",", input.AnchoringDepartments)}|{string.Join(",", input.WishedDepartments)}|{input.PriorityOverride}";
}
