using Guichet.Deciders;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Stays.StayExamples;

namespace Guichet.Domain.Tests.Stays;

/// <summary>
/// A stay, for every device (issue 9, outcomes): opened when the dossier confirms its admission, ended by an exit dated
/// between the entry and today for a destination of the closed list, which declares the place free again as a new vacancy.
/// </summary>
public sealed class StayTests
{
    [Fact]
    public void GivenAFilledPlace_WhenTheDossierConfirmsTheAdmission_ThenTheStayIsOpened_WithThePlaceAndTheEntryDate()
    {
        var vacancies = Placement.PlacementExamples.Scenario();
        var filled = vacancies.Given(Placement.PlacementExamples.Declare(), Placement.PlacementExamples.Proposed(1, 2), Placement.PlacementExamples.Admit(2, new DateOnly(2026, 12, 20)));

        var confirmed = vacancies.When(filled, new AdmissionConfirmed("D-002"));

        var start = (PlacementStartRequested)Assert.Single(confirmed.Effects.OfType<SendMessage>(), m => m.Queue == PlacementStartRequested.Queue).Body;
        Assert.Equal(StayIds.Of(Placement.PlacementExamples.VacancyId), start.InstanceId);
        Assert.Null(start.Vacancy);
        Assert.Equal(new StartStay("D-002", Placement.PlacementExamples.VacancyId, "Le Trait d'Union", filled.Place, new DateOnly(2026, 12, 20)), start.Stay);
        Assert.True(confirmed.Completes());
    }

    [Fact]
    public void AnActStay_HasNoPlannedEnd_NorAnyTimer_AndIsListedOngoing()
    {
        var started = Scenario().Start(Act());

        var stay = started.Accepted();
        Assert.Equal((StayStatus.Ongoing, (DateOnly?)null), (stay.Status, stay.PlannedEnd));
        Assert.DoesNotContain(started.Effects, e => e is ScheduleTimer);
        var row = started.Row<StayRow, Stay>(StayReadModels.Stays, "act-92-trait-d-union", StayId);
        Assert.Equal(("ongoing", "ACT", "2026-12-15", "D-001"), (row.Status, row.Device, row.EntryDate, row.DossierId));
    }

    [Fact]
    public void AnExit_CompletesTheStay_AndDeclaresThePlaceFreeFromTheExitDate_WithTheSameStructureAndFeatures()
    {
        var scenario = Scenario();
        var ongoing = scenario.Given(Act());

        var exited = scenario.When(ongoing, new ExitRecorded(new DateOnly(2026, 12, 16), StayDestination.PensionDeFamille, "  Place en maison relais à Nanterre. "), actor: "Directrice");

        var stay = exited.Accepted();
        Assert.Equal(StayStatus.Exited, stay.Status);
        Assert.Equal(new StayExit(new DateOnly(2026, 12, 16), StayDestination.PensionDeFamille, "Place en maison relais à Nanterre.", Now, "Directrice", StayIds.VacancyAfter(StayId, new DateOnly(2026, 12, 16))), stay.Exit);
        Assert.True(exited.Completes());
        var next = (PlacementStartRequested)Assert.Single(exited.Effects.OfType<SendMessage>(), m => m.Queue == PlacementStartRequested.Queue).Body;
        Assert.Equal(stay.Exit!.NextVacancyId, next.InstanceId);
        Assert.StartsWith("vacancy-20261216-", next.InstanceId, StringComparison.Ordinal);
        Assert.Equal(new DeclareVacancy(ongoing.Place with { AvailableFrom = new DateOnly(2026, 12, 16) }, "Le Trait d'Union"), next.Vacancy);
        Assert.Equal(ongoing.Place.Features, next.Vacancy!.Place.Features);
        var row = exited.Row<StayRow, Stay>(StayReadModels.Stays, "act-92-trait-d-union", StayId);
        Assert.Equal(("exited", "2026-12-16", "pension-de-famille"), (row.Status, row.ExitDate, row.Destination));
    }

    [Fact]
    public void TheVacancyAfterAnExit_HasOneId_SoThatAnExitDeliveredTwiceDeclaresOnePlace()
    {
        Assert.Equal(StayIds.VacancyAfter(StayId, Entry), StayIds.VacancyAfter(StayId, Entry));
        Assert.NotEqual(StayIds.VacancyAfter(StayId, Entry), StayIds.VacancyAfter("stay-other", Entry));
        Assert.Equal("stay-20261201-0a1b2c3d4e5f", StayIds.Of(VacancyId));
    }

    [Fact]
    public void AnExitBeforeTheEntry_OrAfterToday_OrToAnUnknownDestination_IsRefused_AndChangesNothing()
    {
        var scenario = Scenario();
        var ongoing = scenario.Given(Act());

        Assert.Equal("La date de sortie (14/12/2026) précède la date d'entrée (15/12/2026).", scenario.When(ongoing, new ExitRecorded(new DateOnly(2026, 12, 14), StayDestination.Housing, null)).Refused());
        Assert.Contains("dans le futur", scenario.When(ongoing, new ExitRecorded(new DateOnly(2026, 12, 18), StayDestination.Housing, null)).Refused(), StringComparison.Ordinal);
        Assert.Contains("housing, pension-de-famille, hospital, death, other", scenario.When(ongoing, new ExitRecorded(Entry, (StayDestination)42, null)).Refused(), StringComparison.Ordinal);
        Assert.Null(ongoing.Exit);
    }

    [Fact]
    public void AnExitDatedToday_IsReadInTheGuichetsTimeZone_NotInUtc()
    {
        // 00:30 in Paris on 18 December is still 17 December in UTC.
        var justAfterMidnightInParis = new DateTimeOffset(2026, 12, 17, 23, 30, 0, TimeSpan.Zero);
        var paris = new Scenario<StartStay, Stay, StayEvent>(new StayDecider(StayPolicy.Default with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") }), StayId, justAfterMidnightInParis);
        var utc = new Scenario<StartStay, Stay, StayEvent>(new StayDecider(), StayId, justAfterMidnightInParis);
        var exit = new ExitRecorded(new DateOnly(2026, 12, 18), StayDestination.Housing, null);

        Assert.Equal(StayStatus.Exited, paris.When(paris.Given(Act()), exit).Accepted().Status);
        Assert.Contains("dans le futur", utc.When(utc.Given(Act()), exit).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExitOnTheEntryDayOrToday_IsAccepted()
    {
        var scenario = Scenario();
        var ongoing = scenario.Given(Act());

        Assert.Equal(StayStatus.Exited, scenario.When(ongoing, new ExitRecorded(Entry, StayDestination.Death, null)).Accepted().Status);
        Assert.Equal(StayStatus.Exited, scenario.When(ongoing, new ExitRecorded(new DateOnly(2026, 12, 17), StayDestination.Hospital, null)).Accepted().Status);
    }

    [Fact]
    public void AnExitedStay_ChangesNoMore()
    {
        var scenario = Scenario();
        var exited = scenario.Given(Lhss(), new ExitRecorded(Entry, StayDestination.Hospital, null));

        Assert.Equal("Le séjour a pris fin le 15/12/2026 : plus rien n'y change.", scenario.When(exited, Renewal(new DateOnly(2027, 2, 15))).Refused());
        Assert.Equal("Le séjour a pris fin le 15/12/2026 : plus rien n'y change.", scenario.When(exited, new ExitRecorded(Entry, StayDestination.Housing, null)).Refused());
    }
}
