using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// The periodic confirmation of a waiting dossier: due 6 calendar months after it entered the list, reminded a month
/// before; unconfirmed, the prescribers and the guichet are asked again and a month of grace runs before it expires;
/// a confirmation moves the date; a proposed dossier's end waits for its candidacy's.
/// </summary>
public sealed class ConfirmationTests
{
    private const string VacancyA = "vacancy-a";
    private static readonly DateTimeOffset DueAt = Now.AddMonths(6);
    private static readonly DateTimeOffset ClosesAt = DueAt.AddMonths(1);

    [Fact]
    public void GivenAdmissible_ThenTheConfirmationIsDueSixMonthsLater_WithAReminderAMonthBefore()
    {
        var scenario = Scenario();

        var admitted = scenario.When(scenario.Given(Open(), ToTheCommission()), Admissible());

        var dossier = admitted.Accepted();
        Assert.Equal(new WaitingConfirmation(DueAt, false, null, null, null, null), dossier.Confirmation);
        Assert.Equal(
            [new ScheduleTimer("confirmation-reminder", DueAt.AddMonths(-1), new ConfirmationReminderDue()), new ScheduleTimer("confirmation-due", DueAt, new ConfirmationDue())],
            admitted.Effects.OfType<ScheduleTimer>());
        Assert.Equal(DueAt, admitted.Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId).ConfirmationDueAt);
        Assert.Empty(admitted.Rows(DossierReadModels.AwaitingConfirmation));
    }

    [Fact]
    public void GivenTheReminderDue_ThenThePrescribersAreRemindedOnce()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());
        scenario.Now = DueAt.AddMonths(-1);

        var reminded = scenario.When(waiting, new ConfirmationReminderDue());

        var told = Assert.Single(reminded.Messages());
        Assert.Equal(("waiting-list", "confirmation-reminder"), (told.Status, told.Kind));
        Assert.Contains("avant le 23/05/2027", told.Reason, StringComparison.Ordinal);
        Assert.Contains("Rappel", told.Reason, StringComparison.Ordinal);
        Assert.Contains("Aucune confirmation n'est à rappeler", scenario.When(reminded.Accepted(), new ConfirmationReminderDue()).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheDatePassedUnconfirmed_ThenThePrescribersAndTheGuichetAreAskedAgain_AndAGraceRuns()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());
        scenario.Now = DueAt;

        var asked = scenario.When(waiting, new ConfirmationDue());

        var dossier = asked.Accepted();
        Assert.Equal(DossierStatus.WaitingList, dossier.Status);
        Assert.Equal((DueAt, ClosesAt), (dossier.Confirmation!.AskedAgainAt, dossier.Confirmation.ClosesAt));
        Assert.Equal([new ScheduleTimer("confirmation-deadline", ClosesAt, new ConfirmationDeadlineDue())], asked.Effects.OfType<ScheduleTimer>());
        var told = Assert.Single(asked.Messages());
        Assert.Equal("confirmation-due", told.Kind);
        Assert.Contains("avant le 23/06/2027", told.Reason, StringComparison.Ordinal);
        var row = asked.Row<AwaitingConfirmationRow, Dossier>(DossierReadModels.AwaitingConfirmation, "ACT", DossierId);
        Assert.Equal((DueAt, ClosesAt, Maraude.Name, "waiting-list"), (row.DueAt, row.ClosesAt, row.Prescribers, row.Status));
        Assert.False(asked.Completes());
    }

    [Fact]
    public void GivenAskedAgain_WhenTheGraceIsNotOver_ThenItDoesNotExpire_AndAtItsEndItExpiresWithAReason()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());
        scenario.Now = DueAt;
        var asked = scenario.Given(waiting, new ConfirmationDue());

        scenario.Now = ClosesAt.AddDays(-1);
        Assert.Contains("Aucune fin de délai", scenario.When(asked, new ConfirmationDeadlineDue()).Refused(), StringComparison.Ordinal);

        scenario.Now = ClosesAt;
        var expired = scenario.When(asked, new ConfirmationDeadlineDue());

        var dossier = expired.Accepted();
        Assert.Equal(DossierStatus.Expired, dossier.Status);
        Assert.Contains("faute de confirmation", dossier.End!.Reason, StringComparison.Ordinal);
        Assert.True(expired.Completes());
        Assert.True(expired.Removes(DossierReadModels.WaitingList, "ACT", DossierId));
        Assert.True(expired.Removes(DossierReadModels.AwaitingConfirmation, "ACT", DossierId));
        Assert.Equal("expired", Assert.Single(expired.Messages()).Status);
    }

    [Fact]
    public void GivenAskedAgain_WhenConfirmed_ThenTheNextDateIsAPeriodFromNow_AndTheTimersAreReArmed()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());
        scenario.Now = DueAt;
        var asked = scenario.Given(waiting, new ConfirmationDue());
        scenario.Now = DueAt.AddDays(10);

        var confirmed = scenario.When(asked, new WaitingConfirmed("  Toujours à la rue, suivi maintenu.  ", Maraude.Id));

        var next = scenario.Now.AddMonths(6);
        Assert.Equal(new WaitingConfirmation(next, false, null, null, scenario.Now, "Toujours à la rue, suivi maintenu."), confirmed.Accepted().Confirmation);
        Assert.Equal(
            [new ScheduleTimer("confirmation-reminder", next.AddMonths(-1), new ConfirmationReminderDue()), new ScheduleTimer("confirmation-due", next, new ConfirmationDue())],
            confirmed.Effects.OfType<ScheduleTimer>());
        Assert.Contains(new CancelTimer("confirmation-deadline"), confirmed.Effects);
        Assert.True(confirmed.Removes(DossierReadModels.AwaitingConfirmation, "ACT", DossierId));
        Assert.Equal(next, confirmed.Row<WaitingListRow, Dossier>(DossierReadModels.WaitingList, "ACT", DossierId).ConfirmationDueAt);
        Assert.Equal("waiting-confirmed", Assert.Single(confirmed.Messages()).Kind);
    }

    [Fact]
    public void GivenConfirmedAfterBeingAskedAgain_WhenTheOldDeadlineComes_ThenNothingExpires()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());
        scenario.Now = DueAt;
        var asked = scenario.Given(waiting, new ConfirmationDue());
        var confirmed = scenario.Given(asked, new WaitingConfirmed(null));
        scenario.Now = ClosesAt;

        Assert.NotEmpty(scenario.When(confirmed, new ConfirmationDeadlineDue()).Refused());
        Assert.NotEmpty(scenario.When(confirmed, new ConfirmationDue()).Refused());
    }

    [Fact]
    public void GivenAProposedDossierPastItsGrace_ThenItDoesNotExpireUnderTheStructuresFeet_ButWhenTheCandidacyEndsWithoutAdmission()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());
        scenario.Now = DueAt;
        var asked = scenario.Given(waiting, new ConfirmationDue(), Proposal());
        scenario.Now = ClosesAt;

        var postponed = scenario.When(asked, new ConfirmationDeadlineDue());

        Assert.Equal(DossierStatus.Proposed, postponed.Accepted().Status);
        Assert.Empty(postponed.Effects);

        scenario.Now = ClosesAt.AddDays(3);
        var refused = scenario.When(postponed.Accepted(), new CandidacyEnded($"{VacancyA}~{DossierId}", VacancyA, CandidacyStatus.Refused, null, RefusalCode.HouseholdNotCompatible, "Pas de place pour l'animal.", false));

        var dossier = refused.Accepted();
        Assert.Equal(DossierStatus.Expired, dossier.Status);
        Assert.True(refused.Completes());
        Assert.Equal("expired", Assert.Single(refused.Messages()).Status);
    }

    [Fact]
    public void GivenAProposedDossierPastItsGrace_WhenAdmitted_ThenItIsAdmitted()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());
        scenario.Now = DueAt;
        var postponed = scenario.Given(waiting, new ConfirmationDue(), Proposal());
        scenario.Now = ClosesAt;
        postponed = scenario.Given(postponed, new ConfirmationDeadlineDue());

        var admitted = scenario.When(postponed, new CandidacyEnded($"{VacancyA}~{DossierId}", VacancyA, CandidacyStatus.Admitted, new DateOnly(2027, 7, 1), null, null, false));

        Assert.Equal(DossierStatus.Admitted, admitted.Accepted().Status);
    }

    [Fact]
    public void GivenAProposedDossier_WhenConfirmed_ThenConfirmed()
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Open(), [.. ToTheWaitingList(), Proposal()]);
        scenario.Now = Now.AddMonths(2);

        var confirmed = scenario.When(proposed, new WaitingConfirmed(null));

        Assert.Equal(Now.AddMonths(8), confirmed.Accepted().Confirmation!.DueAt);
    }

    [Fact]
    public void GivenADossierNotOnTheList_WhenConfirmed_ThenRefused()
    {
        var scenario = Scenario();
        var awaiting = scenario.Given(Open(), ToTheCommission());

        Assert.Contains("Seul un dossier en liste d'attente se confirme", scenario.When(awaiting, new WaitingConfirmed(null)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAWaitingDossier_WhenAnotherPrescriberConfirms_ThenRefused()
    {
        var scenario = Scenario();
        var waiting = scenario.Given(Open(), ToTheWaitingList());

        Assert.Contains("n'a pas de demande dans ce dossier", scenario.When(waiting, new WaitingConfirmed(null, Avicenne.Id)).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheReminderTimerBeforeTheList_ThenRefused()
    {
        var scenario = Scenario();
        var awaiting = scenario.Given(Open(), ToTheCommission());

        Assert.NotEmpty(scenario.When(awaiting, new ConfirmationReminderDue()).Refused());
        Assert.NotEmpty(scenario.When(awaiting, new ConfirmationDue()).Refused());
        Assert.NotEmpty(scenario.When(awaiting, new ConfirmationDeadlineDue()).Refused());
    }

    [Fact]
    public void ThePeriodAndTheGrace_ComeFromThePolicy()
    {
        var scenario = Scenario(DossierPolicy.Default with { ConfirmationMonths = 3, ConfirmationReminderMonths = 0, ConfirmationGraceMonths = 2 });
        var admitted = scenario.When(scenario.Given(Open(), ToTheCommission()), Admissible());
        scenario.Now = Now.AddMonths(3);

        var asked = scenario.When(admitted.Accepted(), new ConfirmationDue());

        Assert.Equal([new ScheduleTimer("confirmation-due", Now.AddMonths(3), new ConfirmationDue())], admitted.Effects.OfType<ScheduleTimer>());
        Assert.Equal(Now.AddMonths(5), asked.Accepted().Confirmation!.ClosesAt);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(6, 6, 1)]
    [InlineData(6, -1, 1)]
    [InlineData(6, 1, 0)]
    public void AnUnreadablePolicy_IsRefused(int months, int reminder, int grace) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierDecider(DossierPolicy.Default with { ConfirmationMonths = months, ConfirmationReminderMonths = reminder, ConfirmationGraceMonths = grace }));

    private static CandidacyProposed Proposal() =>
        new($"{VacancyA}~{DossierId}", VacancyA, "act-75-chemin-vert", "Maison Chemin Vert", Now.AddDays(15));
}
