using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Domain.Ranking;
using Guichet.Domain.Readings;
using Guichet.Domain.Structures;
using static Guichet.Domain.Tests.Placement.PlacementExamples;

namespace Guichet.Domain.Tests.Placement;

/// <summary>
/// Three candidates per free place (seed 003), taken in rank order among compatible dossiers; every dossier ranked
/// above the last candidate and passed over is told why, with the grid version of the ranking.
/// </summary>
public sealed class MatchingTests
{
    [Fact]
    public void ThreeCandidatesPerFreePlace_TheBestRankedCompatibleOnes_InRankOrder()
    {
        var ranked = Ranked("A", "B", "C", "D", "E");
        var waiting = Waiting(Needs("A"), Needs("B"), Needs("C"), Needs("D"), Needs("E"));

        var match = Matching.Propose(TraitDUnionPlace, ranked, waiting, NonePending);

        Assert.Equal([("A", 1), ("B", 2), ("C", 3)], match.Candidates.Select(c => (c.DossierId, c.Rank)));
        Assert.Empty(match.Skipped);
        Assert.Equal((1, Now), (match.GridVersion, match.RankedAt));
    }

    [Fact]
    public void ADossierWithAPendingCandidacyElsewhere_IsPassedOver_WithItsReason()
    {
        var match = Matching.Propose(
            TraitDUnionPlace, Ranked("A", "B", "C", "D"), Waiting(Needs("A"), Needs("B"), Needs("C"), Needs("D")), new HashSet<string> { "A" });

        Assert.Equal(["B", "C", "D"], match.Candidates.Select(c => c.DossierId));
        var skipped = Assert.Single(match.Skipped);
        Assert.Equal(("A", 1, SkipReason.PendingCandidacy), (skipped.DossierId, skipped.Rank, Assert.Single(skipped.Reasons)));
        Assert.Equal("Le dossier a déjà une candidature en cours pour une autre place.", skipped.Explanation);
    }

    [Fact]
    public void ACoupleWithADog_IsProposedAtLeTraitDUnion_ButNotAtMaisonCheminVert()
    {
        var couple = Needs("A", partner: true, pets: true, care: [CareNeed.SubstanceUseSupport]);
        var cheminVert = FreePlace.Of(StructureCatalog.MaisonCheminVert, AvailableFrom);

        Assert.Equal("A", Assert.Single(Matching.Propose(TraitDUnionPlace, Ranked("A"), Waiting(couple), NonePending).Candidates).DossierId);
        Assert.Equal(
            [SkipReason.CoupleNotAccepted, SkipReason.PetsNotAccepted, SkipReason.SubstanceUseNotAccepted],
            Matching.Reasons(cheminVert, couple, NonePending));
    }

    [Fact]
    public void APlaceMeetsEveryCareNeed_OrTheDossierIsPassedOver()
    {
        var cheminVert = FreePlace.Of(StructureCatalog.MaisonCheminVert, AvailableFrom);

        Assert.Empty(Matching.Reasons(cheminVert, Needs("A", care: [CareNeed.NearDialysis]), NonePending));
        Assert.Equal(
            [SkipReason.NotAccessible, SkipReason.NoPsychiatricSupport, SkipReason.NoDailyNursingCare],
            Matching.Reasons(cheminVert, Needs("A", care: [CareNeed.ReducedMobility, CareNeed.PsychiatricSupport, CareNeed.DailyNursingCare, CareNeed.NearDialysis]), NonePending));
        Assert.Equal([SkipReason.NotNearDialysis], Matching.Reasons(TraitDUnionPlace, Needs("A", care: [CareNeed.NearDialysis]), NonePending));
    }

    [Fact]
    public void ChildrenNeedAPlaceForChildren_AndAWomenOnlyPlaceTakesWomenOnly()
    {
        var femmes = FreePlace.Of(StructureCatalog.All.Single(s => s.Id == "act-93-femmes-solidaires"), AvailableFrom);

        Assert.Empty(Matching.Reasons(femmes, Needs("A", sex: Sex.Female, children: 2), NonePending));
        Assert.Equal([SkipReason.WomenOnlyPlace], Matching.Reasons(femmes, Needs("A", sex: Sex.Male), NonePending));
        Assert.Equal([SkipReason.WomenOnlyPlace], Matching.Reasons(femmes, Needs("A", sex: Sex.Unknown), NonePending));
        Assert.Equal([SkipReason.ChildrenNotAccepted], Matching.Reasons(TraitDUnionPlace, Needs("A", children: 1), NonePending));
    }

    [Fact]
    public void TheStructureIsInAWishedDepartement_OrThePersonWishesNone()
    {
        Assert.Empty(Matching.Reasons(TraitDUnionPlace, Needs("A", wishes: []), NonePending));
        Assert.Empty(Matching.Reasons(TraitDUnionPlace, Needs("A", wishes: [Department.Paris, Department.HautsDeSeine]), NonePending));
        Assert.Equal([SkipReason.OutsideWishedDepartments], Matching.Reasons(TraitDUnionPlace, Needs("A", wishes: [Department.SeineSaintDenis]), NonePending));
    }

    [Fact]
    public void OnlyTheSameDevice_IsProposed() =>
        Assert.Equal([SkipReason.OtherDevice], Matching.Reasons(TraitDUnionPlace, Needs("A", device: Device.Lhss), NonePending));

    [Fact]
    public void WithFewerThanThreeCompatible_ThoseAreProposed_AndOnlyDossiersAboveTheLastAreOwedAReason()
    {
        var waiting = Waiting(Needs("A", children: 1), Needs("B"), Needs("C", device: Device.Lam), Needs("D", wishes: [Department.Essonne]));

        var match = Matching.Propose(TraitDUnionPlace, Ranked("A", "B", "C", "D"), waiting, NonePending);

        Assert.Equal("B", Assert.Single(match.Candidates).DossierId);
        Assert.Equal([("A", SkipReason.ChildrenNotAccepted)], match.Skipped.Select(s => (s.DossierId, Assert.Single(s.Reasons))));
    }

    [Fact]
    public void ADossierThatLeftTheListSinceTheRanking_OrWasAlreadyProposedHere_IsPassedOver()
    {
        var match = Matching.Propose(TraitDUnionPlace, Ranked("GONE", "HERE", "B"), Waiting(Needs("HERE"), Needs("B")), NonePending, new HashSet<string> { "HERE" }, slots: 1);

        Assert.Equal("B", Assert.Single(match.Candidates).DossierId);
        Assert.Equal(
            [("GONE", SkipReason.NoLongerWaiting), ("HERE", SkipReason.AlreadyProposedHere)],
            match.Skipped.Select(s => (s.DossierId, Assert.Single(s.Reasons))));
    }

    [Fact]
    public void ATopUp_AsksOnlyForTheOpenSlots()
    {
        var match = Matching.Propose(TraitDUnionPlace, Ranked("A", "B", "C"), Waiting(Needs("A"), Needs("B"), Needs("C")), NonePending, slots: 1);

        Assert.Equal("A", Assert.Single(match.Candidates).DossierId);
        Assert.Throws<ArgumentOutOfRangeException>(() => Matching.Propose(TraitDUnionPlace, Ranked("A"), Waiting(Needs("A")), NonePending, slots: 4));
    }

    [Fact]
    public void TheNeeds_AreReadFromTheWaitingListRow()
    {
        var row = new WaitingListRow(
            "D-1", "ACT", Now, Now, 3, 3, "street-or-squat", null, "93", "92,75", null, "female", 1980, "infectious",
            "substance-use-support,reduced-mobility,unknown-need", true, 2, true, "[]");

        var needs = PlacementNeeds.Of(row);

        Assert.Equal(("D-1", Device.Act, Sex.Female, true, 2, true), (needs.DossierId, needs.Device, needs.Sex, needs.Partner, needs.Children, needs.Pets));
        Assert.Equal([CareNeed.SubstanceUseSupport, CareNeed.ReducedMobility], needs.CareNeeds);
        Assert.Equal([Department.HautsDeSeine, Department.Paris], needs.WishedDepartments);
    }

    [Fact]
    public void GivenReducedMobilityAndSubstanceUseDeclaredOnTheRequest_ButLeftOutByTheMedicalReader_ThenTheyAreNeeds_AndAPlaceWithoutThemIsNotProposed()
    {
        var row = new WaitingListRow(
            "D-1", "ACT", Now, Now, 3, 3, "street-or-squat", null, "93", "", null, "male", 1980, "infectious", "psychiatric-support", false, 0, false, "[]")
        { DeclaredReducedMobility = true, DeclaredSubstanceUse = true };
        var notAccessible = TraitDUnionPlace with { Features = [PlaceFeature.SubstanceUseAccepted, PlaceFeature.PsychiatricSupport] };
        var accessible = notAccessible with { Features = [.. notAccessible.Features, PlaceFeature.ReducedMobility] };

        var needs = PlacementNeeds.Of(row);
        var refused = Matching.Propose(notAccessible, Ranked("D-1"), Waiting(needs), NonePending);
        var proposed = Matching.Propose(accessible, Ranked("D-1"), Waiting(needs), NonePending);

        Assert.Equal([CareNeed.PsychiatricSupport, CareNeed.SubstanceUseSupport, CareNeed.ReducedMobility], needs.CareNeeds);
        Assert.Empty(refused.Candidates);
        Assert.Equal(["D-1"], proposed.Candidates.Select(c => c.DossierId));
        Assert.Equal([CareNeed.ReducedMobility], PlacementNeeds.Of(row with { CareNeeds = "reduced-mobility", DeclaredSubstanceUse = false }).CareNeeds);
    }

    [Fact]
    public void TheMatchingReadsTheGridsRanking_AndRecordsItsVersion()
    {
        var inputs = new[]
        {
            new RankingInput("LOW", Now.AddDays(-10), 1, 1, HousingSituation.Other, null, [], []),
            new RankingInput("HIGH", Now.AddDays(-10), 5, 5, HousingSituation.StreetOrSquat, null, [], []),
        };
        var ranked = PriorityRanking.Rank(inputs, PriorityGrid.Default, Now);

        var match = Matching.Propose(TraitDUnionPlace, ranked, Waiting(Needs("LOW"), Needs("HIGH")), NonePending);

        Assert.Equal(["HIGH", "LOW"], match.Candidates.Select(c => c.DossierId));
        Assert.Equal(PriorityGrid.Default.Version, match.GridVersion);
    }
}
