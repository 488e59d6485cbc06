using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Domain.Readings;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// Contested refusals (issue 9, outcomes): the dossier keeps the refusals it received; a prescriber of one of its
/// requests or the guichet contests one with a reason; the ARS upholds it (only the record changes) or overturns it
/// (the refusal is annulled, the candidate keeps their place with their seniority, the structure and the prescribers
/// are told). Bad inputs are refused and change nothing.
/// </summary>
public sealed class ContestTests
{
    private const string VacancyA = "vacancy-a";
    private const string CandidacyA = $"{VacancyA}~{DossierId}";
    private const string Reason = "La structure accueille des personnes sous traitement de substitution : le refus ne tient pas.";

    [Fact]
    public void GivenARefusal_WhenTheCandidacyEnds_ThenTheDossierKeepsTheRefusal_WithItsOrientation()
    {
        var refused = Refused(RefusalCode.OtherDeviceSuited, Orientation.Lhss);

        var refusal = Assert.Single(refused.Refusals);
        Assert.Equal((CandidacyA, VacancyA, "act-75-chemin-vert", RefusalCode.OtherDeviceSuited, Orientation.Lhss), (refusal.CandidacyId, refusal.VacancyId, refusal.StructureId, refusal.Code, refusal.RecommendedOrientation));
        Assert.Null(refusal.Contest);
        Assert.False(refusal.Annulled);
        Assert.Equal(refusal, Assert.Single(RuntimeJson.Stored(refused).Refusals));
    }

    [Theory]
    [InlineData(CandidacyStatus.PlaceFilledByAnotherCandidate)]
    [InlineData(CandidacyStatus.Withdrawn)]
    public void GivenAnEndThatIsNotARefusal_WhenTheCandidacyEnds_ThenNothingIsKeptToContest(CandidacyStatus status)
    {
        var scenario = Scenario();
        var ended = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(), Ended(status, null)]);

        Assert.Empty(ended.Refusals);
    }

    [Fact]
    public void GivenARefusal_WhenItsPrescriberContests_ThenItIsOnTheReviewList_AndTheDossierStaysOnTheWaitingList()
    {
        var scenario = Scenario();
        var refused = Refused();

        var contested = scenario.When(refused, new RefusalContested(CandidacyA, $"  {Reason} ", Maraude.Id));

        var dossier = contested.Accepted();
        var contest = Assert.Single(dossier.Refusals).Contest!;
        Assert.Equal((Reason, Maraude.Id, scenario.Now), (contest.Reason, contest.PrescriberId, contest.At));
        Assert.Equal(DossierStatus.WaitingList, dossier.Status);
        var row = contested.Row<ContestedRefusalRow, Dossier>(DossierReadModels.ContestedRefusals, "pending", CandidacyA);
        Assert.Equal((DossierId, "ACT", "household-not-compatible", "pending", Maraude.Id, Reason), (row.DossierId, row.Device, row.Code, row.Status, row.ContestedBy, row.ContestReason));
        Assert.Empty(contested.Messages());
    }

    [Fact]
    public void GivenARefusal_WhenTheGuichetContests_ThenItIsContestedByTheGuichet()
    {
        var contested = Scenario().When(Refused(), new RefusalContested(CandidacyA, Reason));

        Assert.Equal(ContestedRefusalRow.Guichet, contested.Row<ContestedRefusalRow, Dossier>(DossierReadModels.ContestedRefusals, "pending", CandidacyA).ContestedBy);
    }

    [Fact]
    public void GivenAContestedRefusal_WhenTheSameContestComesAgain_ThenNothingChanges()
    {
        var scenario = Scenario();
        var contested = scenario.Given(Refused(), new RefusalContested(CandidacyA, Reason, Maraude.Id));

        var again = scenario.When(contested, new RefusalContested(CandidacyA, Reason, Maraude.Id));

        Assert.Same(contested, again.Accepted());
        Assert.Empty(again.Effects);
    }

    [Fact]
    public void GivenAContestedRefusal_WhenContestedAgainOtherwise_ThenRefused()
    {
        var scenario = Scenario();
        var contested = scenario.Given(Refused(), new RefusalContested(CandidacyA, Reason, Maraude.Id));

        Assert.Contains("déjà été contesté", scenario.When(contested, new RefusalContested(CandidacyA, "Autre motif.")).Refused(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CandidacyA, "", null, "porte un motif")]
    [InlineData(CandidacyA, "   ", null, "porte un motif")]
    [InlineData("vacancy-b~" + DossierId, Reason, null, "aucun refus")]
    [InlineData(CandidacyA, Reason, "aphp-avicenne", "Seul le prescripteur")]
    public void GivenARefusal_WhenTheContestIsBad_ThenRefused_AndNothingChanges(string candidacyId, string reason, string? prescriber, string expected)
    {
        Assert.Contains(expected, Scenario().When(Refused(), new RefusalContested(candidacyId, reason, prescriber)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAPersonWhoDeclined_WhenContested_ThenRefused_NothingToContest()
    {
        Assert.Contains("décliné", Scenario().When(Refused(RefusalCode.PersonDeclined), new RefusalContested(CandidacyA, Reason)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnAdmittedDossier_WhenARefusalIsContested_ThenRefused_TheDossierIsClosed()
    {
        var scenario = Scenario();
        var admitted = scenario.Given(Refused(), new CandidacyProposed("vacancy-b~" + DossierId, "vacancy-b", "act-92-trait-union", "Le Trait d'Union", Now.AddDays(15)),
            new CandidacyEnded("vacancy-b~" + DossierId, "vacancy-b", CandidacyStatus.Admitted, new DateOnly(2026, 12, 1), null, null, false));

        Assert.Contains("clos", scenario.When(admitted, new RefusalContested(CandidacyA, Reason)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAContestPending_WhenTheDossierEnds_ThenTheRowSaysLapsed()
    {
        var scenario = Scenario();
        var contested = scenario.Given(Refused(), new RefusalContested(CandidacyA, Reason));

        var withdrawn = scenario.When(contested, new Withdrawn("La personne a trouvé un logement."));

        Assert.True(withdrawn.Removes(DossierReadModels.ContestedRefusals, "pending", CandidacyA));
        Assert.Equal("lapsed", withdrawn.Row<ContestedRefusalRow, Dossier>(DossierReadModels.ContestedRefusals, "lapsed", CandidacyA).Status);
    }

    [Fact]
    public void GivenAContestedRefusal_WhenTheArsUpholdsIt_ThenOnlyTheRecordChanges_AndThePrescribersAreTold()
    {
        var scenario = Scenario();
        var contested = scenario.Given(Refused(), new RefusalContested(CandidacyA, Reason, Maraude.Id));

        var upheld = scenario.When(contested, new RefusalReviewed(CandidacyA, ContestVerdict.Uphold, "Le projet de la structure exclut les couples."));

        var dossier = upheld.Accepted();
        Assert.Equal(contested with { Refusals = dossier.Refusals }, dossier);
        var refusal = Assert.Single(dossier.Refusals);
        Assert.False(refusal.Annulled);
        Assert.Equal(ContestStatus.Upheld, refusal.ContestStatus);
        Assert.True(upheld.Removes(DossierReadModels.ContestedRefusals, "pending", CandidacyA));
        Assert.Equal("Le projet de la structure exclut les couples.", upheld.Row<ContestedRefusalRow, Dossier>(DossierReadModels.ContestedRefusals, "upheld", CandidacyA).ReviewReason);
        Assert.DoesNotContain(upheld.Effects.OfType<SendMessage>(), m => m.Queue == PlacementAlert.Queue);
        Assert.Empty(upheld.Rows(DossierReadModels.WaitingList));
        var told = Assert.Single(upheld.Messages());
        Assert.Equal("waiting-list", told.Status);
        Assert.Contains("refus maintenu", told.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAContestedRefusal_WhenTheArsOverturnsIt_ThenTheRefusalIsAnnulled_TheSeniorityKept_TheStructureAndPrescribersTold()
    {
        var scenario = Scenario();
        var contested = scenario.Given(Refused(), new RefusalContested(CandidacyA, Reason, Maraude.Id));

        var overturned = scenario.When(contested, new RefusalReviewed(CandidacyA, ContestVerdict.Overturn, "Motif contraire au projet d'établissement publié."));

        var dossier = overturned.Accepted();
        Assert.True(Assert.Single(dossier.Refusals).Annulled);
        Assert.Equal(DossierStatus.WaitingList, dossier.Status);
        Assert.Equal(contested.FirstRequestAt, dossier.FirstRequestAt);
        Assert.Equal(Request().SubmittedAt, dossier.FirstRequestAt);
        Assert.Equal("overturned", overturned.Row<ContestedRefusalRow, Dossier>(DossierReadModels.ContestedRefusals, "overturned", CandidacyA).Status);
        var alert = (PlacementAlert)Assert.Single(overturned.Effects.OfType<SendMessage>(), m => m.Queue == PlacementAlert.Queue).Body;
        Assert.Equal((PlacementAlert.RefusalOverturned, PlacementAlert.Structure, "act-75-chemin-vert", CandidacyA, DossierId), (alert.Kind, alert.Recipient, alert.StructureId, alert.CandidacyId, alert.DossierId));
        var told = Assert.Single(overturned.Messages());
        Assert.Equal((Maraude.Id, "waiting-list"), (told.PrescriberId, told.Status));
        Assert.Contains("ancienneté", told.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAReviewedContest_WhenTheSameReviewComesAgain_ThenNothingChanges_AndAnotherIsRefused()
    {
        var scenario = Scenario();
        var review = new RefusalReviewed(CandidacyA, ContestVerdict.Overturn, "Motif contraire au projet.");
        var overturned = scenario.Given(Refused(), new RefusalContested(CandidacyA, Reason), review);

        var again = scenario.When(overturned, review);

        Assert.Same(overturned, again.Accepted());
        Assert.Empty(again.Effects);
        Assert.Contains("déjà été examinée", scenario.When(overturned, review with { Verdict = ContestVerdict.Uphold }).Refused(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CandidacyA, ContestVerdict.Overturn, " ", "porte un motif")]
    [InlineData(CandidacyA, (ContestVerdict)7, "Motif.", "uphold")]
    [InlineData("vacancy-b~" + DossierId, ContestVerdict.Overturn, "Motif.", "aucun refus")]
    public void GivenAContestedRefusal_WhenTheReviewIsBad_ThenRefused_AndNothingChanges(string candidacyId, ContestVerdict verdict, string reason, string expected)
    {
        var scenario = Scenario();
        var contested = scenario.Given(Refused(), new RefusalContested(CandidacyA, Reason));

        Assert.Contains(expected, scenario.When(contested, new RefusalReviewed(candidacyId, verdict, reason)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenARefusalNotContested_WhenReviewed_ThenRefused()
    {
        Assert.Contains("pas contesté", Scenario().When(Refused(), new RefusalReviewed(CandidacyA, ContestVerdict.Overturn, "Motif.")).Refused(), StringComparison.Ordinal);
    }

    private static Dossier Refused(RefusalCode code = RefusalCode.HouseholdNotCompatible, Orientation? orientation = null) =>
        Scenario().Given(Open(), [.. ToTheWaitingList(), Proposal(), Ended(CandidacyStatus.Refused, code, orientation)]);

    private static CandidacyProposed Proposal() => new(CandidacyA, VacancyA, "act-75-chemin-vert", "Maison Chemin Vert", Now.AddDays(15));

    private static CandidacyEnded Ended(CandidacyStatus status, RefusalCode? code, Orientation? orientation = null) =>
        new(CandidacyA, VacancyA, status, null, code, code is null ? "Place pourvue." : "Pas de place pour le couple.", false, orientation);
}
