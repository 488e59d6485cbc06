using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// Placement as the dossier sees it (invariant 3): the dossier is the last word on one pending candidacy at a time; a
/// candidacy that ends without an admission puts it back on the list with its seniority; an admission takes it off the
/// list and ends its other candidacies.
/// </summary>
public sealed class CandidacyTests
{
    private const string VacancyA = "vacancy-a";
    private const string VacancyB = "vacancy-b";

    [Fact]
    public void GivenAWaitingDossier_WhenProposed_ThenItIsProposed_AndTheListRowSaysSo_AndThePrescriberIsTold()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());

        var proposed = scenario.When(waiting, Proposal(VacancyA));

        Assert.Equal(DossierStatus.Proposed, proposed.Accepted().Status);
        Assert.Equal("proposed", proposed.Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId).Status);
        var told = Assert.Single(proposed.Messages());
        Assert.Equal("proposed", told.Status);
        Assert.Contains("Maison Chemin Vert", told.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAPendingCandidacy_WhenProposedForAnotherPlace_ThenRefused()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(VacancyA)]);

        Assert.Contains("déjà une candidature en attente", scenario.When(proposed, Proposal(VacancyB)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAPendingCandidacy_WhenTheSameProposalComesAgain_ThenNothingChanges()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(VacancyA)]);

        var again = scenario.When(proposed, Proposal(VacancyA));

        Assert.Equal(proposed, again.Accepted());
        Assert.Empty(again.Effects);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GivenAnOpenCandidacy_PendingOrOverdue_WhenMergedIntoAnotherDossier_ThenRefused_SoThatAnAdmissionCannotLandDuringTheMerge(bool overdue)
    {
        var scenario = Scenario();
        IEnumerable<DossierEvent> history = [.. ToTheWaitingList(), Proposal(VacancyA)];
        var proposed = scenario.Given(Open(), overdue ? [.. history, Ended(VacancyA, CandidacyStatus.Overdue)] : [.. history]);

        var reason = scenario.When(proposed, new MergedInto("D-SURVIVOR", "Même personne, INS identique.")).Refused();

        Assert.Contains("candidature en cours (Maison Chemin Vert)", reason, StringComparison.Ordinal);
        var admitted = scenario.When(proposed, Ended(VacancyA, CandidacyStatus.Admitted, entry: new DateOnly(2026, 12, 20))).Accepted();
        Assert.Null(admitted.MergingInto);
    }

    [Fact]
    public void GivenADossierNotYetOnTheList_WhenProposed_ThenRefused()
    {
        var scenario = Scenario();
        var awaiting = scenario.Given(Open(), ToTheCommission());

        Assert.Contains("liste d'attente", scenario.When(awaiting, Proposal(VacancyA)).Refused(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CandidacyStatus.Refused, RefusalCode.HouseholdNotCompatible)]
    [InlineData(CandidacyStatus.Refused, RefusalCode.PersonDeclined)]
    [InlineData(CandidacyStatus.PlaceFilledByAnotherCandidate, null)]
    [InlineData(CandidacyStatus.Withdrawn, null)]
    public void GivenAPendingCandidacy_WhenItEndsWithoutAnAdmission_ThenBackOnTheListWithItsSeniority(CandidacyStatus status, RefusalCode? code)
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(VacancyA)]);

        var ended = scenario.When(proposed, Ended(VacancyA, status, code: code, justification: "Pas de place pour l'animal."));

        var dossier = ended.Accepted();
        Assert.Equal(DossierStatus.WaitingList, dossier.Status);
        Assert.Empty(dossier.Candidacies);
        Assert.Equal(proposed.FirstRequestAt, dossier.FirstRequestAt);
        Assert.Equal("waiting-list", ended.Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId).Status);
        var told = Assert.Single(ended.Messages());
        Assert.Equal("waiting-list", told.Status);
        Assert.Contains("ancienneté", told.Reason, StringComparison.Ordinal);
        Assert.Equal(code == RefusalCode.PersonDeclined, told.Reason!.Contains("sans pénalité", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAPendingCandidacy_WhenOverdue_ThenAvailableAgain_ToldOnce_AndALateAdmissionStillCounts()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(VacancyA)]);

        var overdue = scenario.When(proposed, Ended(VacancyA, CandidacyStatus.Overdue));
        var dossier = overdue.Accepted();
        Assert.Equal(DossierStatus.WaitingList, dossier.Status);
        Assert.Contains("délai dépassé", Assert.Single(overdue.Messages()).Reason, StringComparison.Ordinal);
        Assert.Empty(scenario.When(dossier, Ended(VacancyA, CandidacyStatus.Overdue)).Effects);

        var late = scenario.When(dossier, Ended(VacancyA, CandidacyStatus.Admitted, entry: new DateOnly(2026, 12, 20)));
        Assert.Equal(DossierStatus.Admitted, late.Accepted().Status);
    }

    [Fact]
    public void GivenAnOverdueCandidacyAndAPendingOne_WhenTheOverdueOneAdmits_ThenTheDossierLeavesTheList_AndThePendingOneEndsAsAdmittedElsewhere()
    {
        var scenario = Scenario();
        var twice = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(VacancyA), Ended(VacancyA, CandidacyStatus.Overdue), Proposal(VacancyB)]);
        Assert.Equal(DossierStatus.Proposed, twice.Status);

        var admitted = scenario.When(twice, Ended(VacancyA, CandidacyStatus.Admitted, entry: new DateOnly(2026, 12, 20)));

        var dossier = admitted.Accepted();
        Assert.Equal(DossierStatus.Admitted, dossier.Status);
        Assert.Equal(("act-75-chemin-vert", new DateOnly(2026, 12, 20)), (dossier.Admission!.StructureId, dossier.Admission.EntryDate));
        Assert.True(admitted.Removes(DossierReadModels.WaitingList, "ACT", DossierId));
        Assert.Equal(
            [(VacancyA, VacancyEventNames.AdmissionConfirmed), (VacancyB, VacancyEventNames.AdmittedElsewhere)],
            admitted.Sent().Select(s => (s.InstanceId, s.EventName)));
        Assert.Equal(new AdmissionConfirmed(DossierId), admitted.Sent()[0].Payload);
        var elsewhere = admitted.Sent()[1];
        Assert.Equal(new AdmittedElsewhere(DossierId, VacancyA), elsewhere.Payload);
        var told = Assert.Single(admitted.Messages());
        Assert.Equal("admitted", told.Status);
        Assert.Contains("20/12/2026", told.Reason, StringComparison.Ordinal);
        Assert.True(admitted.Completes());
    }

    [Fact]
    public void GivenAnAdmittedDossier_WhenProposedAgain_ThenRefused()
    {
        var scenario = Scenario();
        var admitted = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(VacancyA), Ended(VacancyA, CandidacyStatus.Admitted, entry: new DateOnly(2026, 12, 20))]);

        Assert.Contains("clos", scenario.When(admitted, Proposal(VacancyB)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenNoSuchCandidacy_WhenItEnds_ThenRefused()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());

        Assert.Contains("Aucune candidature", scenario.When(waiting, Ended(VacancyA, CandidacyStatus.Refused)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAProposedDossier_WhenWithdrawn_ThenThePlaceIsFreed()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal(VacancyA)]);

        var withdrawn = scenario.When(proposed, new Withdrawn("La personne a trouvé un logement."));

        var left = Assert.Single(withdrawn.Sent());
        Assert.Equal((VacancyA, VacancyEventNames.CandidateLeft), (left.InstanceId, left.EventName));
        Assert.Equal(DossierId, Assert.IsType<CandidateLeft>(left.Payload).DossierId);
        Assert.True(withdrawn.Completes());
    }

    private static CandidacyProposed Proposal(string vacancyId) =>
        new($"{vacancyId}~{DossierId}", vacancyId, "act-75-chemin-vert", "Maison Chemin Vert", Now.AddDays(15));

    private static CandidacyEnded Ended(string vacancyId, CandidacyStatus status, RefusalCode? code = null, string? justification = null, DateOnly? entry = null) =>
        new($"{vacancyId}~{DossierId}", vacancyId, status, entry, code, justification, false);
}
