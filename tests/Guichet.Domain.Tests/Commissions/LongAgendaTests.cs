using Guichet.Domain.Commissions;
using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Commissions.SessionExamples;

namespace Guichet.Domain.Tests.Commissions;

/// <summary>
/// An agenda longer than one step can tell (a step's effects share one table transaction of at most 100 operations) is
/// put together over several steps, the session sending itself "agenda-continued": no dossier waits a month more for it.
/// </summary>
public sealed class LongAgendaTests
{
    private const int Size = (2 * CommissionSessionDecider.AgendaStep) + 5;

    private static string[] PutOn(Decision<CommissionSession> decision) =>
        [.. decision.Sent().Where(s => s.EventName == DossierEventNames.PutOnAgenda).Select(s => s.InstanceId)];

    private static AgendaContinued? Continuation(Decision<CommissionSession> decision) =>
        decision.Sent().SingleOrDefault(s => s.EventName == CommissionEventNames.AgendaContinued) is { } sent
            ? Assert.IsType<AgendaContinued>(sent.Payload)
            : null;

    [Fact]
    public void GivenALongAgenda_WhenTheSessionOpens_ThenItPutsOneStepOfDossiersOnIt_AndSendsItselfTheRest()
    {
        var scenario = Scenario();

        var opened = scenario.Start(Opening(Size));

        Assert.Equal(Enumerable.Range(1, CommissionSessionDecider.AgendaStep).Select(Dossier), PutOn(opened));
        Assert.Equal(new AgendaContinued(CommissionSessionDecider.AgendaStep), Continuation(opened));
        Assert.Equal(SessionId, opened.Sent().Single(s => s.EventName == CommissionEventNames.AgendaContinued).InstanceId);
        Assert.Equal(CommissionSessionDecider.AgendaStep, opened.Accepted().OnAgenda);
        Assert.True(opened.Effects.Count <= 90, "a step's effects fit one table transaction with the session's own rows");
    }

    [Fact]
    public void GivenALongAgenda_WhenEachContinuationArrives_ThenEveryDossierIsPutOnItOnce_AndTheLastSendsNoMore()
    {
        var scenario = Scenario();
        var opened = scenario.Start(Opening(Size));
        var told = PutOn(opened).ToList();
        var state = opened.Accepted();
        var next = Continuation(opened);

        while (next is not null)
        {
            var step = scenario.When(state, next);
            told.AddRange(PutOn(step));
            state = step.Accepted();
            next = Continuation(step);
        }

        Assert.Equal(Enumerable.Range(1, Size).Select(Dossier), told);
        Assert.Equal(Size, state.OnAgenda);
    }

    [Fact]
    public void GivenAContinuationAlreadyTaken_WhenItArrivesAgain_ThenNothingChanges()
    {
        var scenario = Scenario();
        var continued = scenario.Given(Opening(Size), new AgendaContinued(CommissionSessionDecider.AgendaStep));

        var again = scenario.When(continued, new AgendaContinued(CommissionSessionDecider.AgendaStep));

        Assert.Empty(again.Effects);
        Assert.Equal(continued, again.Accepted());
    }

    [Fact]
    public void GivenADossierNotYetPutOnTheAgenda_WhenTheCommissionDecidesOnIt_ThenItIsRefusedUntilItIs()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Opening(Size));
        var last = Size;

        var early = scenario.When(opened, Admissible(last));
        var continued = scenario.Given(opened, new AgendaContinued(CommissionSessionDecider.AgendaStep), new AgendaContinued(2 * CommissionSessionDecider.AgendaStep));
        var inTime = scenario.When(continued, Admissible(last));

        Assert.Contains("pas encore inscrit", early.Refused(), StringComparison.Ordinal);
        Assert.Equal(Dossier(last), Assert.Single(inTime.Accepted().Minutes).Decision.DossierId);
    }

    [Fact]
    public void GivenASessionClosedBeforeItsAgendaWasWhole_WhenTheContinuationArrives_ThenNoOneIsPutOnIt_AndEveryUndecidedDossierIsCarriedOver()
    {
        var scenario = Scenario();
        var closed = scenario.Given(Opening(Size), Admissible(1), new SessionClosed(null));

        var late = scenario.When(closed, new AgendaContinued(CommissionSessionDecider.AgendaStep));

        Assert.Empty(late.Effects);
        Assert.Equal(Enumerable.Range(2, Size - 1).Select(Dossier), closed.CarriedOver);
    }
}
