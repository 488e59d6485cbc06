using System.Text.Json;
using Guichet.Deciders;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Tests.Commissions;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// What crosses the runtime: states stored as JSON and read back, events sent from one workflow to another and
/// bound to the record the target's catalog names, timers raised under their names.
/// </summary>
public sealed class WiringTests
{
    [Fact]
    public void DossierState_RoundTripsThroughTheRuntimesJson()
    {
        var scenario = Scenario();
        var dossier = scenario.Given(
            Open(null, new PossibleDuplicate("D-OTHER", ["mêmes noms"])),
            [MedicalAsks(), new InformationProvided("Voici."), new RequestMerged(Request(Avicenne, "HOP-4471", Now.AddDays(-30)), null, "Même INS."), .. ToTheWaitingList()]);

        var stored = RuntimeJson.Stored(dossier);

        Assert.Equal(DossierStatus.WaitingList, stored.Status);
        Assert.Equal(dossier.OpenedAt, stored.OpenedAt);
        Assert.Equal("Voici.", Assert.Single(Assert.Single(stored.Answered).Answers));
        Assert.Equal(DossierRows.Of(dossier), DossierRows.Of(stored));
        Assert.Equal(JsonSerializer.Serialize(dossier, RuntimeJson.Options), JsonSerializer.Serialize(stored, RuntimeJson.Options));
        // The status is derived, never stored: the instance's custom status shows it.
        Assert.DoesNotContain("\"status\"", JsonSerializer.Serialize(stored, RuntimeJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void SessionState_RoundTripsThroughTheRuntimesJson()
    {
        var scenario = SessionExamples.Scenario();
        var session = scenario.Given(SessionExamples.Opening(3), SessionExamples.Admissible(1, "Urgence."), new DossierRefused("D-02", "put-on-agenda", "ended"), new SessionClosed("Fin."));

        var stored = RuntimeJson.Stored(session);

        Assert.Equal(CommissionSessionDecider.Row(session), CommissionSessionDecider.Row(stored));
        Assert.Equal(["D-03"], stored.CarriedOver);
        Assert.Equal(JsonSerializer.Serialize(session, RuntimeJson.Options), JsonSerializer.Serialize(stored, RuntimeJson.Options));
    }

    [Fact]
    public void WhatTheSessionSends_TheDossierBindsAndApplies()
    {
        var session = SessionExamples.Scenario();
        var dossiers = Scenario();
        var opened = session.Start(SessionExamples.Opening(1) with { Agenda = [new("D-ACT-DIALLO", 1, 40, [])] });
        var read = dossiers.Given(Open(), Medical(), Social());

        var onAgenda = Deliver(dossiers, read, Assert.Single(opened.Sent())).Accepted();
        var decided = session.When(opened.State!, new DecisionRecorded(DossierId, CommissionVerdict.Admissible, null, null, "Sortie d'hôpital imminente."));
        var waiting = Deliver(dossiers, onAgenda, Assert.Single(decided.Sent())).Accepted();

        Assert.Equal(DossierStatus.WaitingList, waiting.Status);
        Assert.Equal(SessionExamples.SessionId, waiting.Commission!.SessionId);
        Assert.Equal("Sortie d'hôpital imminente.", waiting.Commission.PriorityOverride);
    }

    [Fact]
    public void WhatAMergedDossierSends_TheSurvivorBindsAndApplies_AndItsAnswerEndsTheSender()
    {
        var younger = new Scenario<OpenDossier, Dossier, DossierEvent>(new DossierDecider(), "D-YOUNGER", Now);
        var merging = younger.When(younger.Given(Open(Request(Avicenne, "HOP-4471", Now.AddDays(-60)))), new MergedInto(DossierId, "Même INS."));
        var survivor = Scenario();
        var older = survivor.Given(Open());

        var joined = Deliver(survivor, older, Assert.Single(merging.Sent()));
        var ended = Deliver(younger, merging.Accepted(), Assert.Single(joined.Sent()));

        Assert.Equal(Now.AddDays(-60), joined.Accepted().FirstRequestAt);
        Assert.Equal(2, joined.Messages().Count);
        Assert.Equal((DossierStatus.Merged, DossierId), (ended.Accepted().Status, ended.Accepted().End!.MergedInto));
    }

    [Fact]
    public void TheRuntimesDeliveryFailure_BindsToTheDossiersEvent()
    {
        var type = new DossierDecider().Events.TypeOf(DeliveryFailed.EventName)!;

        var bound = RuntimeJson.Delivered(new DeliveryFailed("D-ENDED", "dossier-merged", "Instance 'D-ENDED' has ended."), type);

        Assert.Equal(new EventNotDelivered("D-ENDED", "dossier-merged", "Instance 'D-ENDED' has ended."), bound);
    }

    [Fact]
    public void AWithdrawalWithoutPrescriber_AsAnOlderHistoryHasIt_BindsAsTheWholeDossiers()
    {
        var bound = RuntimeJson.Delivered(new { reason = "Décès." }, typeof(Withdrawn));

        Assert.Equal(new Withdrawn("Décès.", null), bound);
    }

    [Fact]
    public void TheRuntimesDeliveryFailure_BindsToTheSessionsEvent()
    {
        var decider = new CommissionSessionDecider();
        var type = decider.Events.TypeOf(DeliveryFailed.EventName)!;

        var bound = RuntimeJson.Delivered(new DeliveryFailed("D-02", "put-on-agenda", "Instance D-02 has ended."), type);

        Assert.Equal(new DossierRefused("D-02", "put-on-agenda", "Instance D-02 has ended."), bound);
    }

    [Fact]
    public void TimerPayloads_BindUnderTheirNames()
    {
        var decider = new DossierDecider();
        var asked = Scenario().When(Scenario().Given(Open()), MedicalAsks());

        foreach (var timer in asked.Effects.OfType<ScheduleTimer>())
        {
            var bound = RuntimeJson.Delivered(timer.Payload!, decider.Events.TypeOf(timer.Name)!);
            Assert.Equal(timer.Payload, bound);
        }
    }

    [Fact]
    public void StartInputs_BindStrictly()
    {
        var open = (OpenDossier)RuntimeJson.Delivered(Open(null, new PossibleDuplicate("D-OTHER", ["même INS"])), typeof(OpenDossier));
        var session = (OpenSession)RuntimeJson.Delivered(SessionExamples.Opening(2), typeof(OpenSession));

        Assert.Equal(Request().Key, open.Request.Key);
        Assert.Equal(2, session.Agenda.Count);
    }

    private static Decision<Dossier> Deliver(Scenario<OpenDossier, Dossier, DossierEvent> target, Dossier state, SendEvent sent)
    {
        var type = target.Decider.Events.TypeOf(sent.EventName) ?? throw new InvalidOperationException($"'{sent.EventName}' is not a dossier event");
        return target.When(state, (DossierEvent)RuntimeJson.Delivered(sent.Payload!, type), name: sent.EventName);
    }
}
