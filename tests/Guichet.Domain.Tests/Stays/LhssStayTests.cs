using Guichet.Deciders;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Stays.StayExamples;

namespace Guichet.Domain.Tests.Stays;

/// <summary>
/// LHSS stays (DESIGN §1: two months, renewable): renewed on a medical opinion, each renewal recorded; the structure
/// reminded before the planned end, the ARS alerted exactly once when it passes with neither renewal nor exit — and no
/// automatic exit.
/// </summary>
public sealed class LhssStayTests
{
    private static readonly DateOnly End = new(2027, 2, 15);

    [Fact]
    public void TheEndOfAnLhssStay_IsReachedAtMidnightInTheGuichetsTimeZone_NotInUtc()
    {
        var paris = new StayDecider(StayPolicy.Default with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") });

        var started = new Scenario<StartStay, Stay, StayEvent>(paris, StayId, Now).Start(Lhss());

        // 15 February 2027, 00:00 in Paris (UTC+1 in winter) is 23:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2027, 2, 14, 23, 0, 0, TimeSpan.Zero), started.Effects.OfType<ScheduleTimer>().Single(t => t.Name == StayEventNames.End).DueAt);
    }

    [Fact]
    public void AnLhssStay_EndsTwoMonthsAfterTheEntry_WithAReminderAWeekBefore()
    {
        var started = Scenario().Start(Lhss());

        Assert.Equal(End, started.Accepted().PlannedEnd);
        Assert.Equal(
            [(StayEventNames.Reminder, StayDecider.EndOf(End, TimeZoneInfo.Utc).AddDays(-7)), (StayEventNames.End, StayDecider.EndOf(End, TimeZoneInfo.Utc))],
            started.Effects.OfType<ScheduleTimer>().Select(t => (t.Name, t.DueAt)));
        Assert.Equal("2027-02-15", started.Row<StayRow, Stay>(StayReadModels.Stays, "lhss-93-le-phare", StayId).PlannedEnd);
    }

    [Fact]
    public void TheLengthOfAnLhssStay_IsConfigurable()
    {
        var started = Scenario(new StayPolicy(3, TimeSpan.FromDays(10))).Start(Lhss());

        Assert.Equal(new DateOnly(2027, 3, 15), started.Accepted().PlannedEnd);
    }

    [Fact]
    public void ARenewal_OnAMedicalOpinion_MovesThePlannedEndByAPeriod_IsRecorded_AndMovesTheTimers()
    {
        var scenario = Scenario();
        var ongoing = scenario.Given(Lhss());

        var renewed = scenario.When(ongoing, Renewal(End), actor: "Directrice");

        var stay = renewed.Accepted();
        Assert.Equal(new DateOnly(2027, 4, 15), stay.PlannedEnd);
        Assert.Equal(new Renewal(Now, "Directrice", End, new DateOnly(2027, 4, 15), "Dr Martin", "Soins de plaie à poursuivre six semaines."), Assert.Single(stay.Renewals));
        Assert.Equal([StayDecider.EndOf(new DateOnly(2027, 4, 8), TimeZoneInfo.Utc), StayDecider.EndOf(new DateOnly(2027, 4, 15), TimeZoneInfo.Utc)], renewed.Effects.OfType<ScheduleTimer>().Select(t => t.DueAt));
        var row = renewed.Row<StayRow, Stay>(StayReadModels.Stays, "lhss-93-le-phare", StayId);
        Assert.Equal((1, "2027-04-15"), (row.Renewals, row.PlannedEnd));
    }

    [Fact]
    public void TheSameRenewalSentTwice_ExtendsTheStayOnce_AndARenewalOfAnEndAlreadyExtendedOtherwise_IsRefused()
    {
        var scenario = Scenario();
        var renewed = scenario.Given(Lhss(), Renewal(End));

        var again = scenario.When(renewed, Renewal(End));
        var other = scenario.When(renewed, Renewal(End, author: "Dr Autre"));

        Assert.Same(renewed, again.Accepted());
        Assert.Empty(again.Effects);
        Assert.Equal("Le séjour se termine le 15/04/2027, pas le 15/02/2027 : ce renouvellement ne porte pas sur l'échéance en cours.", other.Refused());
    }

    [Fact]
    public void ARenewal_WithoutTheOpinionsAuthor_IsRefused()
    {
        var scenario = Scenario();
        var ongoing = scenario.Given(Lhss());

        Assert.Contains("avis médical", scenario.When(ongoing, Renewal(End, author: "  ")).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARenewal_OfAStayThatIsNotLhss_IsRefused()
    {
        var scenario = Scenario();
        var act = scenario.Given(Act());

        Assert.Equal("Seuls les séjours LHSS se renouvellent : ce séjour est un séjour ACT, sans échéance.", scenario.When(act, Renewal(End)).Refused());
    }

    [Fact]
    public void BeforeThePlannedEnd_TheStructureIsReminded_Once()
    {
        var scenario = Scenario();
        var ongoing = scenario.Given(Lhss());

        var reminded = scenario.When(ongoing, new StayReminderDue(End));
        var twice = scenario.When(reminded.Accepted(), new StayReminderDue(End));

        var alert = (StayAlert)Assert.Single(reminded.Effects.OfType<SendMessage>(), m => m.Queue == PlacementAlert.Queue).Body;
        Assert.Equal((StayAlert.EndNear, PlacementAlert.Structure, "lhss-93-le-phare", End), (alert.Kind, alert.Recipient, alert.StructureId, alert.PlannedEnd));
        Assert.Contains("15/02/2027", alert.Text, StringComparison.Ordinal);
        Assert.Empty(twice.Effects);
    }

    [Fact]
    public void AtThePlannedEnd_WithNeitherRenewalNorExit_TheArsIsAlertedExactlyOnce_AndThePersonIsNotPutOut()
    {
        var scenario = Scenario();
        var ongoing = scenario.Given(Lhss());

        var reached = scenario.When(ongoing, new StayEndDue(End));
        var twice = scenario.When(reached.Accepted(), new StayEndDue(End));

        var stay = reached.Accepted();
        Assert.Equal(StayStatus.PastPlannedEnd, stay.Status);
        Assert.Null(stay.Exit);
        Assert.False(reached.Completes());
        var alert = (StayAlert)Assert.Single(reached.Effects.OfType<SendMessage>()).Body;
        Assert.Equal((StayAlert.EndReached, PlacementAlert.Ars), (alert.Kind, alert.Recipient));
        Assert.Empty(twice.Effects);
        Assert.Equal("past-planned-end", reached.Row<StayRow, Stay>(StayReadModels.Stays, "lhss-93-le-phare", StayId).Status);

        // A late renewal puts the stay back on course, with a new end to be reminded of and alerted about.
        var renewed = scenario.When(stay, Renewal(End)).Accepted();
        Assert.Equal(StayStatus.Ongoing, renewed.Status);
        Assert.Single(scenario.When(renewed, new StayEndDue(new DateOnly(2027, 4, 15))).Effects.OfType<SendMessage>());
    }

    [Fact]
    public void ATimerOfAnEndSinceRenewed_DoesNothing()
    {
        var scenario = Scenario();
        var renewed = scenario.Given(Lhss(), Renewal(End));

        Assert.Empty(scenario.When(renewed, new StayEndDue(End)).Effects);
        Assert.Empty(scenario.When(renewed, new StayReminderDue(End)).Effects);
    }
}
