using Guichet.Deciders;
using Guichet.Domain.Placement;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Placement.PlacementExamples;

namespace Guichet.Domain.Tests.Placement;

/// <summary>
/// "Motiver ses refus dans un délai de quinze jours" (seed 003; invariant 5): a reminder on day 10, and a candidacy
/// without an answer on day 15 is overdue at that instant — the structure and the ARS alerted exactly once, the
/// candidate available again; a late answer is still recorded, marked late.
/// </summary>
public sealed class CandidacyClockTests
{
    private static IReadOnlyList<PlacementAlert> Alerts(Decision<Vacancy> decision) =>
        [.. decision.Effects.OfType<SendMessage>().Where(m => m.Queue == PlacementAlert.Queue).Select(m => (PlacementAlert)m.Body)];

    [Fact]
    public void OnDayTen_TheStructureIsReminded_Once()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1));
        scenario.After(TimeSpan.FromDays(10));

        var reminded = scenario.When(proposed, new CandidacyClockDue());

        var alert = Assert.Single(Alerts(reminded));
        Assert.Equal((PlacementAlert.Reminder, PlacementAlert.Structure, "D-001"), (alert.Kind, alert.Recipient, alert.DossierId));
        Assert.Equal(Now.AddDays(15), Assert.Single(reminded.Effects.OfType<ScheduleTimer>()).DueAt);
        Assert.Equal(
            "Aucun rappel ni aucune échéance de candidature n'est dû pour cette place.",
            scenario.When(reminded.Accepted(), new CandidacyClockDue()).Refused());
    }

    [Fact]
    public void TheReminderDay_IsConfigurable()
    {
        var scenario = Scenario(new PlacementPolicy(TimeSpan.FromDays(15), TimeSpan.FromDays(7)));

        var proposed = scenario.Start(Declare());
        var timer = Assert.Single(scenario.When(proposed.Accepted(), Proposed(1)).Effects.OfType<ScheduleTimer>());

        Assert.Equal((VacancyEventNames.CandidacyClock, Now.AddDays(7)), (timer.Name, timer.DueAt));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VacancyDecider(new PlacementPolicy(TimeSpan.FromDays(15), TimeSpan.FromDays(15))));
    }

    [Fact]
    public void OnDayFifteen_WithoutAnswer_TheCandidacyIsOverdue_TheStructureAndTheArsAreAlertedExactlyOnce()
    {
        var scenario = Scenario();
        var reminded = scenario.Given(Declare(), Proposed(1, 2));
        reminded = scenario.After(TimeSpan.FromDays(10)).Given(reminded, new CandidacyClockDue());
        scenario.After(TimeSpan.FromDays(5));

        var overdue = scenario.When(reminded, new CandidacyClockDue());

        Assert.Equal(
            [(PlacementAlert.Overdue, PlacementAlert.Structure, "D-001"), (PlacementAlert.Overdue, PlacementAlert.Ars, "D-001"),
             (PlacementAlert.Overdue, PlacementAlert.Structure, "D-002"), (PlacementAlert.Overdue, PlacementAlert.Ars, "D-002")],
            Alerts(overdue).Select(a => (a.Kind, a.Recipient, a.DossierId)));
        var vacancy = overdue.Accepted();
        Assert.All(vacancy.Candidacies, c => Assert.Equal((CandidacyStatus.Overdue, Now.AddDays(15)), (c.Status, c.OverdueAt)));
        Assert.All(overdue.Sent(), s => Assert.Equal(CandidacyStatus.Overdue, ((CandidacyEnded)s.Payload!).Status));
        Assert.Contains(overdue.Effects, e => e is CancelTimer);
        Assert.Equal(3, Assert.IsType<MatchingRequested>(Assert.Single(overdue.Effects.OfType<SendMessage>(), m => m.Queue == MatchingRequested.Queue).Body).Slots);
        Assert.Equal("overdue", overdue.Row<CandidacyRow, Vacancy>(PlacementReadModels.Candidacies, "act-92-trait-d-union", $"{VacancyId}~D-001").Status);

        scenario.After(TimeSpan.FromDays(3));
        scenario.When(vacancy, new CandidacyClockDue()).Refused();
        Assert.Empty(Alerts(scenario.When(vacancy, Refuse(1))));
    }

    [Fact]
    public void OverdueIsStampedAtTheDeadline_EvenWhenTheTimerFiresLate()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1));
        scenario.After(TimeSpan.FromDays(15) + TimeSpan.FromHours(6));

        var overdue = scenario.When(proposed, new CandidacyClockDue()).Accepted();

        Assert.Equal(Now.AddDays(15), overdue.Candidacies[0].OverdueAt);
        Assert.Null(overdue.Candidacies[0].RemindedAt);
    }

    [Fact]
    public void GivenAnOverdueCandidacy_WhenThePlaceIsFilledOrWithdrawn_ThenItsDossierIsTold_SoItStopsWaitingForALateAnswer()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2));
        scenario.After(TimeSpan.FromDays(15) + TimeSpan.FromSeconds(2));
        var overdue = scenario.Given(proposed, new CandidacyClockDue());

        var filled = scenario.When(overdue, Admit(2));
        var withdrawn = scenario.When(overdue, new VacancyCancelled("Place fermée pour travaux."));

        var toOverdue = Assert.Single(filled.Sent(), s => s.InstanceId == "D-001");
        Assert.Equal(CandidacyStatus.PlaceFilledByAnotherCandidate, ((CandidacyEnded)toOverdue.Payload!).Status);
        Assert.Equal(["D-001", "D-002"], withdrawn.Sent().Select(s => s.InstanceId).Order());
    }

    [Fact]
    public void AnAnswerAfterTheDeadline_IsRecordedMarkedLate_AndTheOverdueAlertGoesOutFirstIfTheTimerHasNot()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1, 2));
        scenario.After(TimeSpan.FromDays(15) + TimeSpan.FromSeconds(2));

        var late = scenario.When(proposed, Refuse(1, RefusalCode.PersonUnreachable, "Injoignable depuis dix jours."));

        var vacancy = late.Accepted();
        var refused = vacancy.CandidacyOf("D-001")!;
        Assert.Equal((CandidacyStatus.Refused, true, Now.AddDays(15)), (refused.Status, refused.Outcome!.Late, refused.OverdueAt));
        Assert.Equal(4, Alerts(late).Count);
        Assert.True(late.Row<CandidacyRow, Vacancy>(PlacementReadModels.Candidacies, "act-92-trait-d-union", $"{VacancyId}~D-001").Late);
        Assert.Equal(CandidacyStatus.Overdue, vacancy.CandidacyOf("D-002")!.Status);
    }

    [Fact]
    public void AMalformedAnswerAfterTheDeadline_ChangesNothing_NotEvenTheClock()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(), Proposed(1));
        scenario.After(TimeSpan.FromDays(16));

        scenario.When(proposed, Refuse(1, justification: "")).Refused();
    }

    [Fact]
    public void ALateAdmission_StillFillsThePlace()
    {
        var scenario = Scenario();
        var overdue = scenario.Given(Declare(), Proposed(1, 2));
        overdue = scenario.After(TimeSpan.FromDays(16)).Given(overdue, new CandidacyClockDue());

        var admitted = scenario.When(overdue, Admit(2)).Accepted();

        Assert.Equal((VacancyStatus.Filled, true), (admitted.Status, admitted.CandidacyOf("D-002")!.Outcome!.Late));
        Assert.Equal(CandidacyStatus.PlaceFilledByAnotherCandidate, admitted.CandidacyOf("D-001")!.Status);
        Assert.Equal(Now.AddDays(15), admitted.CandidacyOf("D-001")!.OverdueAt);
    }
}
