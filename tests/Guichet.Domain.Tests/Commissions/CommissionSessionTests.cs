using Guichet.Deciders;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Commissions.SessionExamples;

namespace Guichet.Domain.Tests.Commissions;

/// <summary>
/// A commission session: its agenda, one traced decision per dossier (invariant 4), overrides of the rank with a
/// reason and within the cap (invariant 6), and its closing, which carries the undecided dossiers over.
/// </summary>
public sealed class CommissionSessionTests
{
    [Fact]
    public void Opening_PutsEveryDossierOfTheAgendaOnIt_WithEmptyMinutes()
    {
        var scenario = Scenario();

        var opened = scenario.Start(Opening(3));

        var session = opened.Accepted();
        Assert.Empty(session.Minutes);
        Assert.Equal("open", scenario.Decider.StatusOf(session));
        Assert.Equal(
            [("D-01", "put-on-agenda"), ("D-02", "put-on-agenda"), ("D-03", "put-on-agenda")],
            opened.Sent().Select(s => (s.InstanceId, s.EventName)));
        Assert.All(opened.Sent(), s => Assert.Equal(new PutOnAgenda(SessionId), s.Payload));
        Assert.Equal(
            new CommissionSessionRow(SessionId, "ACT", Sitting, Sitting.AddDays(-7), "open", 1, 3, 0, 0, 0, 0, 0, 1, 0, 0, null),
            opened.Row<CommissionSessionRow, CommissionSession>(CommissionReadModels.Sessions, "ACT", SessionId));
    }

    [Fact]
    public void AnAgendaNamingADossierTwice_IsRefused()
    {
        var opening = Opening(2);
        var twice = opening with { Agenda = [opening.Agenda[0], opening.Agenda[0] with { Rank = 2 }] };

        Assert.Equal("L'ordre du jour nomme chaque dossier une fois.", Scenario().Start(twice).Refused());
    }

    [Fact]
    public void ADecision_IsInTheMinutes_WithRankGridVersionActorAndTime_AndSentToTheDossier()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Opening(3));
        scenario.After(TimeSpan.FromMinutes(20));

        var recorded = scenario.When(opened, NotAdmissible(2, justification: "  Relève de soins hospitaliers aigus.  "), actor: "dr.martin@consortium");

        var entry = Assert.Single(recorded.Accepted().Minutes);
        Assert.Equal((2, 1, "dr.martin@consortium", Sitting.AddMinutes(20)), (entry.Rank, entry.GridVersion, entry.DecidedBy, entry.DecidedAt));
        Assert.Equal("Relève de soins hospitaliers aigus.", entry.Decision.Justification);
        var sent = Assert.Single(recorded.Sent());
        Assert.Equal(("D-02", "commission-decided"), (sent.InstanceId, sent.EventName));
        Assert.Equal(new CommissionDecided(SessionId, CommissionVerdict.NotAdmissible, NonAdmissibilityCode.NeedsHospitalCare, "Relève de soins hospitaliers aigus.", null), sent.Payload);
        var row = recorded.Row<CommissionSessionRow, CommissionSession>(CommissionReadModels.Sessions, "ACT", SessionId);
        Assert.Equal((1, 1), (row.Decisions, row.NotAdmissible));
    }

    [Fact]
    public void NotAdmissibleWithoutJustification_IsRefused_AndChangesNothing()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Opening(3));

        Assert.Equal("Une décision de non-admissibilité doit être justifiée : la justification est vide.", scenario.When(opened, NotAdmissible(1, justification: " ")).Refused());
        Assert.StartsWith("Une décision de non-admissibilité doit porter un code", scenario.When(opened, NotAdmissible(1, code: null)).Refused(), StringComparison.Ordinal);
        Assert.Equal("Un ajournement doit être motivé : la justification est vide.", scenario.When(opened, Adjourned(1, null)).Refused());
    }

    [Fact]
    public void ADossierOffTheAgenda_IsRefused() =>
        Assert.Equal("Le dossier D-09 n'est pas à l'ordre du jour de cette séance.", Scenario().When(Scenario().Given(Opening(3)), Admissible(9)).Refused());

    [Fact]
    public void ASecondDecisionOnTheSameDossier_IsRefused()
    {
        var scenario = Scenario();
        var decided = scenario.Given(Opening(3), Adjourned(1));

        Assert.Equal("La commission a déjà décidé du dossier D-01 dans cette séance.", scenario.When(decided, Admissible(1)).Refused());
    }

    [Fact]
    public void AnOverrideWithoutReason_IsRefused() =>
        Assert.Equal("Une dérogation au rang doit être motivée : le motif est vide.", Scenario().When(Scenario().Given(Opening(3)), Admissible(3, " ")).Refused());

    [Fact]
    public void OverridesBeyondTheCapOfTheAdmissibleDecisions_AreRefused_WhateverTheAgenda()
    {
        var scenario = Scenario();
        var session = scenario.Given(Opening(25), Admissible(20, "Sortie d'hôpital imminente."));

        var reason = scenario.When(session, Admissible(21, "Grossesse.")).Refused();

        Assert.Equal("Dérogations au rang épuisées : celle-ci serait la 2e pour 2 décisions d'admissibilité de cette séance, celle-ci comprise ; au plus 1 (10 % des décisions d'admissibilité, au moins une).", reason);
        Assert.False(scenario.When(session, Admissible(21)).IsRejected, "without an override the decision is taken");
    }

    [Fact]
    public void DecisionsNotAdmissible_DoNotRaiseTheAllowance()
    {
        var scenario = Scenario();
        var session = scenario.Given(Opening(25), [Admissible(20, "Sortie d'hôpital imminente."), .. Enumerable.Range(1, 18).Select(r => NotAdmissible(r))]);

        Assert.StartsWith("Dérogations au rang épuisées", scenario.When(session, Admissible(21, "Grossesse.")).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwentyAdmissibleDecisions_AllowASecondOverride_ButNotAThird()
    {
        var scenario = Scenario();
        var session = scenario.Given(Opening(25), [Admissible(1, "Sortie d'hôpital imminente."), .. Enumerable.Range(2, 18).Select(r => Admissible(r))]);

        var second = scenario.When(session, Admissible(20, "Grossesse."));
        var third = scenario.When(second.Accepted(), Admissible(21, "Urgence vitale."));

        var row = second.Row<CommissionSessionRow, CommissionSession>(CommissionReadModels.Sessions, "ACT", SessionId);
        Assert.Equal((20, 2, 2), (row.Admissible, row.Overrides, row.OverrideAllowance));
        Assert.Contains("celle-ci serait la 3e pour 21 décisions d'admissibilité de cette séance, celle-ci comprise ; au plus 2", third.Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASmallSession_MayStillOverrideOnce()
    {
        var scenario = Scenario();
        var session = scenario.Given(Opening(3), Admissible(3, "Sortie d'hôpital imminente."));

        Assert.Single(session.Minutes);
        Assert.Contains("au plus 1", scenario.When(session, Admissible(2, "Autre urgence.")).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACapOfZero_ForbidsOverrides() =>
        Assert.Equal("Cette séance ne permet aucune dérogation au rang.", Scenario().When(Scenario().Given(Opening(30, cap: 0)), Admissible(3, "Urgence.")).Refused());

    [Theory]
    [InlineData(0.10, 0, 1)]
    [InlineData(0.10, 1, 1)]
    [InlineData(0.10, 9, 1)]
    [InlineData(0.10, 10, 1)]
    [InlineData(0.10, 19, 1)]
    [InlineData(0.10, 20, 2)]
    [InlineData(0.10, 70, 7)]
    [InlineData(0.29, 100, 29)]
    [InlineData(0, 100, 0)]
    public void OverrideAllowance_IsTheCapOfTheAdmissibleDecisions_AtLeastOne(double cap, int admissible, int allowance) =>
        Assert.Equal(allowance, CommissionRules.OverrideAllowance(cap, admissible));

    [Fact]
    public void Closing_CarriesTheUndecidedOver_AndCompletes_WithTheMinutesReadable()
    {
        var scenario = Scenario();
        var session = scenario.Given(Opening(4), Admissible(1), Adjourned(3));
        scenario.After(TimeSpan.FromHours(3));

        var closed = scenario.When(session, new SessionClosed(" Séance levée à 17 h. "));

        var state = closed.Accepted();
        Assert.Equal(Sitting.AddHours(3), state.ClosedAt);
        Assert.Equal("Séance levée à 17 h.", state.Note);
        Assert.Equal(["D-02", "D-04"], state.CarriedOver);
        Assert.Equal(2, state.Minutes.Count);
        Assert.Equal("closed", scenario.Decider.StatusOf(state));
        var row = closed.Row<CommissionSessionRow, CommissionSession>(CommissionReadModels.Sessions, "ACT", SessionId);
        Assert.Equal(("closed", 2, 1, 1, 2, Sitting.AddHours(3)), (row.Status, row.Decisions, row.Admissible, row.Adjourned, row.CarriedOver, row.ClosedAt));
        Assert.Equal(row, Assert.Single(closed.Effects.OfType<Complete>()).Output);
        Assert.Empty(closed.Sent());
    }

    [Fact]
    public void AClosedSession_RefusesDecisions_AndASecondClosing()
    {
        var scenario = Scenario();
        var closed = scenario.Given(Opening(3), new SessionClosed(null));

        Assert.Equal("La séance est close : ses décisions ne changent plus.", scenario.When(closed, Admissible(1)).Refused());
        Assert.True(scenario.When(closed, new SessionClosed("encore")).IsRejected);
    }

    [Fact]
    public void ADossierThatRefusedTheAgenda_LeavesIt_AndIsNotCarriedOver()
    {
        var scenario = Scenario();
        var session = scenario.Given(Opening(3), new DossierRefused("D-02", "put-on-agenda", "Instance D-02 has ended (Completed)."));

        Assert.Contains("a quitté l'ordre du jour", scenario.When(session, Admissible(2)).Refused(), StringComparison.Ordinal);
        var closed = scenario.When(session, new SessionClosed(null)).Accepted();
        Assert.Equal(["D-01", "D-03"], closed.CarriedOver);
        Assert.Equal(1, Assert.IsType<CommissionSessionRow>(CommissionSessionDecider.Row(closed).Row).LeftAgenda);
    }

    [Fact]
    public void ADecisionTheDossierRefused_StaysInTheMinutes_WithTheRefusalBeside()
    {
        var scenario = Scenario();
        var session = scenario.Given(Opening(3), Admissible(1), new DossierRefused("D-01", "commission-decided", "Le dossier est clos (retiré) : plus rien n'y change."));

        Assert.Single(session.Minutes);
        Assert.Equal(("D-01", "commission-decided"), (Assert.Single(session.Refusals).DossierId, session.Refusals[0].EventName));
    }

    [Fact]
    public void Catalog_IsDecisionClosingDeliveryFailureAndTheAgendaContinued() =>
        Assert.Equal(["agenda-continued", "decision-recorded", "delivery-failed", "session-closed"], new CommissionSessionDecider().Events.Names.Order(StringComparer.Ordinal));
}
