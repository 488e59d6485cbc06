using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// The commission's decision on a dossier: invariant 2 (the waiting list only with both readings and an
/// admissible decision) and invariant 4 (a non-admission carries a code and a justification, or is refused and
/// changes nothing).
/// </summary>
public sealed class CommissionDecisionTests
{
    [Fact]
    public void PutOnAgenda_NamesTheSessionInTheAwaitingRow()
    {
        var scenario = Scenario();
        var read = scenario.Given(Open(), Medical(), Social());

        var onAgenda = scenario.When(read, new PutOnAgenda(SessionId));

        Assert.Equal(SessionId, onAgenda.Accepted().Commission!.SessionId);
        Assert.Equal(SessionId, onAgenda.Row<AwaitingCommissionRow, Dossier>(DossierReadModels.AwaitingCommission, "ACT", DossierId).SessionId);
        Assert.Empty(onAgenda.Messages());
    }

    [Fact]
    public void PutOnAgenda_BeforeBothReadings_IsRefused()
    {
        var scenario = Scenario();
        var halfRead = scenario.Given(Open(), Medical());

        Assert.Contains("en attente de commission", scenario.When(halfRead, new PutOnAgenda(SessionId)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingList_OnlyWithBothReadingsAndAnAdmissibleDecision()
    {
        var scenario = Scenario();
        var halfRead = scenario.Given(Open(), Medical());
        Assert.True(scenario.When(halfRead, Admissible()).IsRejected, "one reading is not enough");
        var asked = scenario.Given(halfRead, SocialAsks());
        Assert.True(scenario.When(asked, Admissible()).IsRejected, "a question open is not a reading");
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        var decided = scenario.When(onAgenda, Admissible());

        var dossier = decided.Accepted();
        Assert.Equal(DossierStatus.WaitingList, dossier.Status);
        Assert.True(DossierLifecycle.BothReadingsEligible(dossier));
        Assert.Equal(CommissionVerdict.Admissible, dossier.Commission!.Verdict);
        Assert.Equal("waiting-list", Assert.Single(decided.Messages()).Status);
        Assert.True(decided.Removes(DossierReadModels.AwaitingCommission, "ACT", DossierId));
        Assert.Equal(DossierId, decided.Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId).DossierId);
        Assert.False(decided.Completes());
    }

    [Fact]
    public void ADecisionFromASessionWhoseAgendaDoesNotHoldTheDossier_IsRefused()
    {
        var scenario = Scenario();
        var read = scenario.Given(Open(), Medical(), Social());
        Assert.Contains("n'est pas à l'ordre du jour", scenario.When(read, Admissible()).Refused(), StringComparison.Ordinal);
        var onAgenda = scenario.Given(read, new PutOnAgenda(SessionId));

        Assert.Contains("n'est pas à l'ordre du jour de la séance S-OTHER", scenario.When(onAgenda, Admissible(session: "S-OTHER")).Refused(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NotAdmissibleWithoutJustification_IsRefused_AndChangesNothing(string? justification)
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        var reason = scenario.When(onAgenda, NotAdmissible(justification: justification)).Refused();

        Assert.Equal("Une décision de non-admissibilité doit être justifiée : la justification est vide.", reason);
    }

    [Fact]
    public void NotAdmissibleWithoutCode_IsRefused_AndChangesNothing()
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        var reason = scenario.When(onAgenda, NotAdmissible(code: null)).Refused();

        Assert.StartsWith("Une décision de non-admissibilité doit porter un code de la nomenclature", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAdmissible_EndsTheDossier_WithItsCodeAndJustification()
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        var decided = scenario.When(onAgenda, NotAdmissible());

        var dossier = decided.Accepted();
        Assert.Equal(DossierStatus.NotAdmissible, dossier.Status);
        Assert.Equal("Non admissible (no-chronic-condition) : Pas de pathologie chronique établie au dossier.", dossier.End!.Reason);
        Assert.Equal(NonAdmissibilityCode.NoChronicCondition, dossier.Commission!.Code);
        Assert.Equal(("not-admissible", dossier.End.Reason), (Assert.Single(decided.Messages()).Status, decided.Messages()[0].Reason));
        Assert.True(decided.Removes(DossierReadModels.AwaitingCommission, "ACT", DossierId));
        Assert.True(decided.Completes());
    }

    [Fact]
    public void AdjournedWithoutJustification_IsRefused() =>
        Assert.Equal("Un ajournement doit être motivé : la justification est vide.", Scenario().When(Scenario().Given(Open(), ToTheCommission()), Adjourned(null)).Refused());

    [Fact]
    public void Adjourned_StaysAwaitingTheCommission_OffAnyAgenda_AndTellsThePrescriber()
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        var adjourned = scenario.When(onAgenda, Adjourned());

        var dossier = adjourned.Accepted();
        Assert.Equal(DossierStatus.AwaitingCommission, dossier.Status);
        Assert.Equal(CommissionVerdict.Adjourned, dossier.Commission!.Verdict);
        Assert.Null(adjourned.Row<AwaitingCommissionRow, Dossier>(DossierReadModels.AwaitingCommission, "ACT", DossierId).SessionId);
        var message = Assert.Single(adjourned.Messages());
        Assert.Equal(("awaiting-commission", "Examen ajourné par la commission : Attendre le bilan hépatique en cours."), (message.Status, message.Reason));

        var nextAgenda = scenario.Given(dossier, new PutOnAgenda("S-ACT-2027-01"));
        Assert.Equal(DossierStatus.WaitingList, scenario.When(nextAgenda, Admissible(session: "S-ACT-2027-01")).Accepted().Status);
    }

    [Fact]
    public void ACarriedOverDossier_MovesToTheNextAgenda_WhoseDecisionAloneItApplies()
    {
        var scenario = Scenario();
        var moved = scenario.Given(Open(), [.. ToTheCommission(), new PutOnAgenda("S-ACT-2027-01")]);

        Assert.True(scenario.When(moved, Admissible()).IsRejected);
        Assert.False(scenario.When(moved, Admissible(session: "S-ACT-2027-01")).IsRejected);
    }

    [Theory]
    [InlineData(CommissionVerdict.NotAdmissible)]
    [InlineData(CommissionVerdict.Adjourned)]
    public void PriorityOverride_OnlyWithAnAdmissibleDecision(CommissionVerdict verdict)
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());
        var decision = new CommissionDecided(SessionId, verdict, verdict == CommissionVerdict.NotAdmissible ? NonAdmissibilityCode.Other : null, "Motif.", "Situation d'urgence vitale.");

        Assert.Equal("Une dérogation au rang ne s'applique qu'à une décision d'admissibilité.", scenario.When(onAgenda, decision).Refused());
    }

    [Fact]
    public void PriorityOverride_IsOnTheWaitingListRow()
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        var decided = scenario.When(onAgenda, Admissible("Sortie d'hospitalisation imminente sans solution."));

        Assert.Equal("Sortie d'hospitalisation imminente sans solution.", decided.Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId).PriorityOverride);
    }

    [Fact]
    public void ACodeWithAnAdmissibleDecision_IsRefused()
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        Assert.True(scenario.When(onAgenda, new CommissionDecided(SessionId, CommissionVerdict.Admissible, NonAdmissibilityCode.Other, null, null)).IsRejected);
    }

    [Fact]
    public void ADecisionOnADossierAlreadyOnTheWaitingList_IsRefused()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());

        Assert.Contains("en liste d'attente", scenario.When(waiting, NotAdmissible()).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingListRow_FlattensWhatRanksAndWhatGroups()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());
        var social = Social(vulnerability: 4, anchoring: new Anchoring([Department.SeineSaintDenis], PartialDate.Of(new DateOnly(2019, 3, 2))));
        var onAgenda = scenario.Given(opened, Medical(severity: 5), social, new PutOnAgenda(SessionId));
        scenario.After(TimeSpan.FromDays(1));

        var row = scenario.When(onAgenda, Admissible()).Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId);

        Assert.Equal(
            new WaitingListRow(DossierId, "ACT", Request().SubmittedAt, Now.AddDays(1), 5, 4, "emergency-shelter", "2019-03-02", "93", "93", null,
                "male", 1978, "infectious,chronic-somatic", "reduced-mobility,psychiatric-support", false, 0, true,
                $"[{{\"prescriberId\":\"{Maraude.Id}\",\"externalRef\":\"VT-2026-000123\"}}]") { Status = "waiting-list", ConfirmationDueAt = Now.AddDays(1).AddMonths(6), DeclaredReducedMobility = true },
            row);
    }

    [Fact]
    public void WaitingListRow_TakesTheRequestsAnchoring_WhenTheReaderGaveNone()
    {
        var scenario = Scenario();
        var onAgenda = scenario.Given(Open(), ToTheCommission());

        var row = scenario.When(onAgenda, Admissible()).Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId);

        Assert.Equal(("2021-07-01", "93,75"), (row.FollowedInRegionSince, row.AnchoringDepartments));
    }

    [Fact]
    public void AnIneligibleReading_NeverReachesTheCommission()
    {
        var scenario = Scenario();
        var ended = scenario.Given(Open(), Social(ReadingVerdict.Ineligible, reason: "Relève d'un logement de droit commun.", orientation: Orientation.Housing));

        Assert.True(scenario.When(ended, new PutOnAgenda(SessionId)).IsRejected);
        Assert.True(scenario.When(ended, Admissible()).IsRejected);
    }
}
