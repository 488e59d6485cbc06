using Guichet.Deciders;
using Guichet.Domain.Placement;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Placement.PlacementExamples;

namespace Guichet.Domain.Tests.Placement;

/// <summary>
/// A free place (invariant 3): up to three pending candidacies, no dossier twice, filled by exactly one admission;
/// the candidates not retained end as "place filled by another candidate", which is not a refusal.
/// </summary>
public sealed class VacancyTests
{
    [Fact]
    public void ADeclaredPlace_AwaitsCandidates_AndAsksTheMatchingForThree()
    {
        var declared = Scenario().Start(Declare());

        var vacancy = declared.Accepted();
        Assert.Equal(VacancyStatus.AwaitingCandidates, vacancy.Status);
        var request = Assert.IsType<MatchingRequested>(Assert.Single(declared.Effects.OfType<SendMessage>(), m => m.Queue == MatchingRequested.Queue).Body);
        Assert.Equal((VacancyId, 3), (request.VacancyId, request.Slots));
        var row = declared.Row<VacancyRow, Vacancy>(PlacementReadModels.Vacancies, "act-92-trait-d-union", VacancyId);
        Assert.Equal(("awaiting-candidates", 3, "2026-12-15"), (row.Status, row.OpenSlots, row.AvailableFrom));
    }

    [Fact]
    public void ProposedCandidates_AreTold_AndTheirFifteenDayClockStarts()
    {
        var scenario = Scenario();
        var declared = scenario.Given(Declare());

        var proposed = scenario.When(declared, Proposed(1, 2, 3));

        var vacancy = proposed.Accepted();
        Assert.Equal(VacancyStatus.AwaitingAnswers, vacancy.Status);
        Assert.Equal(
            [("D-001", "candidacy-proposed"), ("D-002", "candidacy-proposed"), ("D-003", "candidacy-proposed")],
            proposed.Sent().Select(s => (s.InstanceId, s.EventName)));
        Assert.Equal(new CandidacyProposed($"{VacancyId}~D-001", VacancyId, "act-92-trait-d-union", "Le Trait d'Union", Now.AddDays(15)), proposed.Sent()[0].Payload);
        Assert.Equal(Now.AddDays(10), Assert.Single(proposed.Effects.OfType<ScheduleTimer>()).DueAt);
        Assert.Equal(3, proposed.Rows(PlacementReadModels.Candidacies).Count);
        Assert.DoesNotContain(proposed.Effects, e => e is SendMessage { Queue: MatchingRequested.Queue });
    }

    [Fact]
    public void AFourthPendingCandidacy_IsRefused()
    {
        var scenario = Scenario();
        var two = scenario.Given(Declare(), Proposed(1, 2));

        Assert.Equal("Au plus 3 candidatures en attente par place : 2 en attente, 2 proposées.", scenario.When(two, Proposed(3, 4)).Refused());
        Assert.Single(scenario.When(two, Proposed(3)).Accepted().Candidacies, c => c.DossierId == "D-003");
    }

    [Fact]
    public void ADossierIsProposedForAPlaceOnce()
    {
        var scenario = Scenario();
        var refused = scenario.Given(Declare(), Proposed(1, 2), Refuse(1));

        Assert.Equal("Le dossier D-001 a déjà été proposé pour cette place : un dossier n'y est proposé qu'une fois.", scenario.When(refused, Proposed(1)).Refused());
        Assert.Equal("Une proposition nomme chaque dossier une fois.", scenario.When(refused, Proposed(3, 3)).Refused());
        Assert.Equal("Les candidats sont proposés dans l'ordre du classement.", scenario.When(refused, Proposed(4, 3)).Refused());
    }

    [Fact]
    public void OneAdmission_FillsThePlace_TheOthersEndAsPlaceFilled_NotARefusal()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2, 3));

        var admitted = scenario.When(proposed, Admit(2), actor: "direction@trait-d-union");

        var vacancy = admitted.Accepted();
        Assert.Equal((VacancyStatus.Filled, "D-002"), (vacancy.Status, vacancy.End!.FilledBy));
        Assert.Equal(
            [CandidacyStatus.PlaceFilledByAnotherCandidate, CandidacyStatus.Admitted, CandidacyStatus.PlaceFilledByAnotherCandidate],
            vacancy.Candidacies.Select(c => c.Status));
        Assert.All(vacancy.Candidacies, c => Assert.Null(c.Outcome!.Code));
        Assert.Equal(
            [("D-002", CandidacyStatus.Admitted), ("D-001", CandidacyStatus.PlaceFilledByAnotherCandidate), ("D-003", CandidacyStatus.PlaceFilledByAnotherCandidate)],
            admitted.Sent().Select(s => (s.InstanceId, ((CandidacyEnded)s.Payload!).Status)));
        Assert.False(admitted.Completes()); // not before the dossier confirms the admission
        Assert.Contains(admitted.Effects, e => e is CancelTimer { Name: VacancyEventNames.CandidacyClock });
        Assert.Equal("place-filled-by-another-candidate", admitted.Row<CandidacyRow, Vacancy>(PlacementReadModels.Candidacies, "act-92-trait-d-union", $"{VacancyId}~D-001").Status);
    }

    [Fact]
    public void GivenAFilledPlace_WhenTheAdmittedDossierConfirms_ThenTheVacancyCompletes_AndNothingElseChangesIt()
    {
        var scenario = Scenario();
        var filled = scenario.Given(Declare(), Proposed(1, 2, 3), Admit(2));

        var confirmed = scenario.When(filled, new AdmissionConfirmed("D-002"));
        var after = scenario.When(confirmed.Accepted(), new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyEnded, "Le dossier est clos."));

        Assert.True(confirmed.Completes());
        Assert.True(confirmed.Accepted().End!.Confirmed);
        Assert.Contains("pourvue", after.Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAFilledPlace_WhenTheAdmittedDossierCouldNotTakeTheAdmission_ThenThePlaceOpensAgain_TheStructureIsTold_AndATopUpIsAsked()
    {
        var scenario = Scenario();
        var filled = scenario.Given(Declare(), Proposed(1, 2, 3), Admit(2));

        var undone = scenario.When(filled, new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyEnded, "Le dossier est clos : admis ailleurs."));

        var vacancy = undone.Accepted();
        Assert.Null(vacancy.End);
        Assert.Equal(VacancyStatus.AwaitingCandidates, vacancy.Status);
        Assert.Equal(CandidacyStatus.Withdrawn, vacancy.CandidacyOf("D-002")!.Status);
        Assert.False(undone.Completes());
        var alert = Assert.Single(undone.Effects.OfType<SendMessage>(), m => m.Queue == PlacementAlert.Queue);
        Assert.Equal((PlacementAlert.AdmissionUndone, PlacementAlert.Structure), (((PlacementAlert)alert.Body).Kind, ((PlacementAlert)alert.Body).Recipient));
        Assert.Contains("admis ailleurs", ((PlacementAlert)alert.Body).Text, StringComparison.Ordinal);
        var topUp = Assert.Single(undone.Effects.OfType<SendMessage>(), m => m.Queue == MatchingRequested.Queue);
        Assert.Equal(3, ((MatchingRequested)topUp.Body).Slots);
    }

    [Fact]
    public void GivenAFilledPlace_WhenAnotherDossierConfirmsOrCouldNotTakeItsEnd_ThenRefused_AndThePlaceStaysFilledByTheOneAdmission()
    {
        var scenario = Scenario();
        var filled = scenario.Given(Declare(), Proposed(1, 2, 3), Admit(2));

        var otherConfirms = scenario.When(filled, new AdmissionConfirmed("D-001"));
        var otherUndelivered = scenario.When(filled, new CandidacyNotDelivered("D-001", VacancyEventNames.CandidacyEnded, "Le dossier est clos."));
        var proposalUndelivered = scenario.When(filled, new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyProposed, "Le dossier est clos."));

        Assert.Equal("La place est pourvue : plus rien n'y change.", otherConfirms.Refused());
        Assert.Equal("La place est pourvue : plus rien n'y change.", otherUndelivered.Refused());
        Assert.Equal("La place est pourvue : plus rien n'y change.", proposalUndelivered.Refused());
        Assert.Equal(VacancyStatus.Filled, filled.Status);
        Assert.False(filled.End!.Confirmed);
    }

    [Fact]
    public void GivenAPlaceOpenedAgainAfterAnAdmissionNotTaken_WhenAnswered_ThenOnlyANewCandidateFillsIt_Once()
    {
        var scenario = Scenario();
        var reopened = scenario.Given(
            Declare(), Proposed(1, 2, 3), Admit(2), new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyEnded, "Le dossier est clos : admis ailleurs."), Proposed(4));

        var formerCandidate = scenario.When(reopened, Admit(1));
        var admitted = scenario.When(reopened, Admit(4));

        Assert.Contains("a déjà pris fin", formerCandidate.Refused(), StringComparison.Ordinal);
        var vacancy = admitted.Accepted();
        Assert.Equal((VacancyStatus.Filled, "D-004"), (vacancy.Status, vacancy.End!.FilledBy));
        Assert.Equal(["D-004"], vacancy.Candidacies.Where(c => c.Status == CandidacyStatus.Admitted).Select(c => c.DossierId));
        Assert.False(admitted.Completes());
    }

    [Fact]
    public void GivenAPlaceNotFilled_WhenAnAdmissionIsConfirmed_ThenRefused_AndNothingChanges()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2));

        var confirmed = scenario.When(proposed, new AdmissionConfirmed("D-001"));

        Assert.Equal("Cette place n'est pas pourvue : aucune admission n'attend de confirmation.", confirmed.Refused());
        Assert.Empty(confirmed.Effects);
    }

    [Fact]
    public void ASecondAdmission_IsRefused()
    {
        var scenario = Scenario();
        var filled = scenario.Given(Declare(), Proposed(1, 2), Admit(1));

        Assert.Contains("a déjà pris fin", scenario.When(filled, Admit(2)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusal_OpensASlot_AndAsksForATopUp()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2, 3));

        var refused = scenario.When(proposed, Refuse(1));

        var request = Assert.IsType<MatchingRequested>(Assert.Single(refused.Effects.OfType<SendMessage>()).Body);
        Assert.Equal(1, request.Slots);
        Assert.Equal(["D-001", "D-002", "D-003"], request.ProposedHere);
        var topUp = scenario.When(refused.Accepted(), Proposed(4));
        Assert.Equal(3, topUp.Accepted().Candidacies.Count(c => c.IsPending));
    }

    [Fact]
    public void ADossierPendingElsewhere_RefusesTheProposal_TheCandidacyIsWithdrawn_AndTheSlotReopens()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2, 3));

        var failed = scenario.When(proposed, new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyProposed, "Le dossier a déjà une candidature en attente."));

        var withdrawn = failed.Accepted().CandidacyOf("D-002")!;
        Assert.Equal(CandidacyStatus.Withdrawn, withdrawn.Status);
        Assert.Contains("déjà une candidature en attente", withdrawn.Outcome!.Justification, StringComparison.Ordinal);
        Assert.Equal(1, Assert.IsType<MatchingRequested>(Assert.Single(failed.Effects.OfType<SendMessage>()).Body).Slots);
    }

    [Fact]
    public void GivenAProposalTheDossierNeverTook_WhenTheDossierIsFreeAgain_ThenItMayBeProposedHere_UnderANewId()
    {
        var scenario = Scenario();
        var busy = scenario.Given(
            Declare(), Proposed(1, 2, 3), new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyProposed, "Le dossier a déjà une candidature en attente."));

        var request = Assert.IsType<MatchingRequested>(Assert.Single(scenario.When(
            scenario.Given(Declare(), Proposed(1, 2, 3)), new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyProposed, "Occupé.")).Effects.OfType<SendMessage>()).Body);
        var again = scenario.When(busy, Proposed(2));

        Assert.Equal(["D-001", "D-003"], request.ProposedHere);
        Assert.Equal(["D-001", "D-003"], busy.ProposedDossiers.Order(StringComparer.Ordinal));
        var vacancy = again.Accepted();
        Assert.Equal([$"{VacancyId}~D-001", $"{VacancyId}~D-002", $"{VacancyId}~D-003", $"{VacancyId}~D-002~2"], vacancy.Candidacies.Select(c => c.Id));
        Assert.Equal(($"{VacancyId}~D-002~2", CandidacyStatus.Pending), (vacancy.CandidacyOf("D-002")!.Id, vacancy.CandidacyOf("D-002")!.Status));
        Assert.Equal(CandidacyStatus.Withdrawn, vacancy.CandidacyById($"{VacancyId}~D-002")!.Status);
        Assert.Equal($"{VacancyId}~D-002~2", ((CandidacyProposed)Assert.Single(again.Sent()).Payload!).CandidacyId);
        Assert.Equal($"{VacancyId}~D-002~2", Assert.Single(again.Rows(PlacementReadModels.Candidacies)).RowKey);
    }

    [Fact]
    public void GivenAProposalNeverDelivered_AndTheDossierProposedAgain_WhenTheOldCandidacyIsAnswered_ThenRefused_AndTheNewOneStaysPending()
    {
        var scenario = Scenario();
        var again = scenario.Given(
            Declare(), Proposed(1, 2, 3), new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyProposed, "Occupé."), Proposed(2));

        var late = scenario.When(again, new CandidacyDecided("D-002", CandidacyDecision.Admit, new DateOnly(2026, 12, 15), CandidacyId: $"{VacancyId}~D-002"));
        var named = scenario.When(again, new CandidacyDecided("D-002", CandidacyDecision.Admit, new DateOnly(2026, 12, 15), CandidacyId: $"{VacancyId}~D-002~2"));

        Assert.Contains($"{VacancyId}~D-002 a déjà pris fin", late.Refused(), StringComparison.Ordinal);
        Assert.Equal(CandidacyStatus.Admitted, named.Accepted().CandidacyOf("D-002")!.Status);
    }

    [Fact]
    public void GivenAProposalTheDossierNeverTookTwice_WhenItIsProposedHereAThirdTime_ThenRefused()
    {
        var scenario = Scenario();
        const string Busy = "Le dossier est en cours de fusion.";
        var twice = scenario.Given(
            Declare(), Proposed(1, 2, 3), new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyProposed, Busy),
            Proposed(2), new CandidacyNotDelivered("D-002", VacancyEventNames.CandidacyProposed, Busy));

        Assert.Contains("D-002", twice.ProposedDossiers);
        Assert.Contains("D-002 a déjà été proposé pour cette place", scenario.When(twice, Proposed(2)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenACandidacyAnswered_OrOverdue_WhenItsDossierIsProposedHereAgain_ThenRefused()
    {
        var scenario = Scenario();
        var refused = scenario.Given(Declare(), Proposed(1, 2), Refuse(1));
        var proposed = scenario.Given(Declare(), Proposed(1, 2));
        var overdue = scenario.After(TimeSpan.FromDays(16)).Given(proposed, new CandidacyClockDue());

        Assert.Contains("D-001 a déjà été proposé pour cette place", scenario.When(refused, Proposed(1)).Refused(), StringComparison.Ordinal);
        Assert.Equal(CandidacyStatus.Overdue, overdue.CandidacyOf("D-001")!.Status);
        Assert.Contains("D-001 a déjà été proposé pour cette place", scenario.When(overdue, Proposed(1)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACandidateAdmittedElsewhere_EndsHere_NotAsARefusal()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2));

        var ended = scenario.When(proposed, new AdmittedElsewhere("D-001", "V-OTHER")).Accepted();

        Assert.Equal(CandidacyStatus.AdmittedElsewhere, ended.CandidacyOf("D-001")!.Status);
        Assert.Null(ended.CandidacyOf("D-001")!.Outcome!.Code);
        Assert.Equal("Aucune candidature ouverte du dossier D-001 pour cette place.", scenario.When(ended, new AdmittedElsewhere("D-001", "V-OTHER")).Refused());
    }

    [Fact]
    public void AWithdrawnPlace_SendsItsPendingCandidatesBack_AndCompletes()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2));

        Assert.Equal("Le retrait d'une place doit être motivé : le motif est vide.", scenario.When(proposed, new VacancyCancelled(" ")).Refused());
        var cancelled = scenario.When(proposed, new VacancyCancelled("Dégât des eaux dans l'appartement."));
        Assert.Equal(VacancyStatus.Cancelled, cancelled.Accepted().Status);
        Assert.All(cancelled.Sent(), s => Assert.Equal(CandidacyStatus.Withdrawn, ((CandidacyEnded)s.Payload!).Status));
        Assert.True(cancelled.Completes());
    }

    [Fact]
    public void TheStateRoundTrips_ThroughTheRuntimesJson()
    {
        var scenario = Scenario();
        var vacancy = scenario.Given(Declare(), Proposed(1, 2, 3), Refuse(1));

        var stored = RuntimeJson.Stored(vacancy);

        Assert.Equal(vacancy.Candidacies.Select(c => (c.Id, c.Status, c.Outcome)), stored.Candidacies.Select(c => (c.Id, c.Status, c.Outcome)));
        Assert.Equal(vacancy.Status, stored.Status);
        var decided = RuntimeJson.Delivered(Refuse(2), typeof(CandidacyDecided));
        Assert.Equal(Refuse(2), decided);
    }

    [Fact]
    public void GivenAPendingCandidate_WhenItsDossierEnds_ThenTheCandidacyIsWithdrawn_AndThePlaceAsksForATopUp()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2));

        var left = scenario.When(proposed, new CandidateLeft("D-001", "Demande retirée par le prescripteur."));

        Assert.Equal(CandidacyStatus.Withdrawn, left.Accepted().CandidacyOf("D-001")!.Status);
        Assert.Equal(2, Assert.IsType<MatchingRequested>(Assert.Single(left.Effects.OfType<SendMessage>(), m => m.Queue == MatchingRequested.Queue).Body).Slots);
        Assert.Contains("Aucune candidature ouverte", scenario.When(left.Accepted(), new CandidateLeft("D-001", "encore")).Refused(), StringComparison.Ordinal);
    }
}
