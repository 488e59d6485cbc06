using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>A reader asks the prescriber: a deadline runs (30 days by default), a reminder goes out before it, no answer closes the dossier.</summary>
public sealed class InformationTests
{
    private static readonly DateTimeOffset DueAt = Now.AddDays(30);

    [Fact]
    public void AQuestion_NeedsInformation_WithADeadlineAndAReminder()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());

        var asked = scenario.When(opened, MedicalAsks("Merci de joindre le dernier compte rendu."));

        var dossier = asked.Accepted();
        Assert.Equal(DossierStatus.NeedsInformation, dossier.Status);
        var question = Assert.IsType<InformationRequest>(dossier.Information);
        Assert.Equal(("medical", "Merci de joindre le dernier compte rendu.", Now, DueAt), (question.AskedBy, question.Question, question.AskedAt, question.DueAt));
        Assert.Empty(question.Answers);
        Assert.Equal(
            [new ScheduleTimer("information-reminder", DueAt.AddDays(-7), new InformationReminderDue()), new ScheduleTimer("information-deadline", DueAt, new InformationDeadlineDue())],
            asked.Effects.OfType<ScheduleTimer>());
        var message = Assert.Single(asked.Messages());
        Assert.Equal("needs-information", message.Status);
        Assert.Equal("Informations demandées, réponse attendue avant le 23/12/2026 : la question du médecin lecteur est à lire sur le guichet unique (GET /api/dossiers?externalRef=).", message.Reason);
        Assert.Equal("Merci de joindre le dernier compte rendu.", asked.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Maraude.Id, DossierReadModels.RequestRowKey("VT-2026-000123", DossierId)).Reason);
    }

    [Fact]
    public void ASocialQuestion_GoesOutOnDossierEvents_AMedicalOneStaysOnTheGuichet()
    {
        var scenario = Scenario();

        var social = scenario.When(scenario.Given(Open()), SocialAsks("Une domiciliation ?"));
        var medical = scenario.When(scenario.Given(Open()), MedicalAsks("Charge virale indétectable ?"));

        Assert.EndsWith(" : Une domiciliation ?", Assert.Single(social.Messages()).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Charge virale", Assert.Single(medical.Messages()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDelays_ComeFromThePolicy()
    {
        var scenario = Scenario(new DossierPolicy(TimeSpan.FromDays(15), TimeSpan.FromDays(5)));

        var asked = scenario.When(scenario.Given(Open()), SocialAsks());

        Assert.Equal([Now.AddDays(10), Now.AddDays(15)], asked.Effects.OfType<ScheduleTimer>().Select(t => t.DueAt));
    }

    [Fact]
    public void AnAnswer_CancelsTheTimers_AndTheAskingReadingIsDoneAgain()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), Social(), MedicalAsks());
        scenario.After(TimeSpan.FromDays(3));

        var answered = scenario.When(asked, new InformationProvided(" Compte rendu joint. "));

        var dossier = answered.Accepted();
        Assert.Equal(DossierStatus.UnderReview, dossier.Status);
        Assert.Null(dossier.Information);
        Assert.Null(dossier.Medical);
        Assert.NotNull(dossier.Social);
        Assert.Equal(["Compte rendu joint."], Assert.Single(dossier.Answered).Answers);
        Assert.Equal([new CancelTimer("information-reminder"), new CancelTimer("information-deadline")], answered.Effects.OfType<CancelTimer>());
        Assert.Equal("under-review", Assert.Single(answered.Messages()).Status);
        Assert.NotNull(answered.Row<PendingReadingRow, Dossier>(DossierReadModels.PendingReadings, "medical", DossierId));

        var readAgain = scenario.When(dossier, Medical());
        Assert.Equal(DossierStatus.AwaitingCommission, readAgain.Accepted().Status);
    }

    [Fact]
    public void AnAnsweredQuestion_WithNoOtherReading_IsStillUnderReview()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), SocialAsks());

        var answered = scenario.When(asked, new InformationProvided("Domiciliée au CCAS de Saint-Denis."));

        Assert.Equal(DossierStatus.UnderReview, answered.Accepted().Status);
    }

    [Fact]
    public void TheAskingReader_CannotReadAgainBeforeTheAnswer()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), MedicalAsks());

        Assert.Contains("attend la réponse du prescripteur", scenario.When(asked, Medical()).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnswer_WhenNothingIsAsked_IsRefused() =>
        Assert.Equal("Aucune information n'est demandée au prescripteur pour ce dossier.", Scenario().When(Scenario().Given(Open()), new InformationProvided("Voici.")).Refused());

    [Fact]
    public void ABlankAnswer_IsRefused()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), MedicalAsks());

        Assert.Equal("La réponse au lecteur est vide.", scenario.When(asked, new InformationProvided("   ")).Refused());
    }

    [Fact]
    public void TheReminder_TellsThePrescriberAgain_AndChangesNothing()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), MedicalAsks("Compte rendu ?"));
        scenario.Now = DueAt.AddDays(-7);

        var reminded = scenario.When(asked, new InformationReminderDue());

        Assert.Same(asked, reminded.Accepted());
        var message = Assert.Single(reminded.Messages());
        Assert.Equal("needs-information", message.Status);
        Assert.Equal("Rappel : une réponse est attendue avant le 23/12/2026, faute de quoi le dossier sera clos. Question : la question du médecin lecteur est à lire sur le guichet unique (GET /api/dossiers?externalRef=).", message.Reason);
        Assert.Empty(reminded.Effects.OfType<Project>());
    }

    [Fact]
    public void InformationNotGivenByTheDeadline_ClosesTheDossierAsIncomplete()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), Social(), MedicalAsks());
        scenario.Now = DueAt;

        var closed = scenario.When(asked, new InformationDeadlineDue());

        var dossier = closed.Accepted();
        Assert.Equal(DossierStatus.Closed, dossier.Status);
        Assert.Equal(new DossierEnd(DossierStatus.Closed, DueAt, "Dossier clos : informations demandées non reçues dans le délai", null), dossier.End);
        var message = Assert.Single(closed.Messages());
        Assert.Equal(("closed", DossierDecider.IncompleteReason), (message.Status, message.Reason));
        Assert.Equal("closed", closed.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Maraude.Id, DossierReadModels.RequestRowKey("VT-2026-000123", DossierId)).Status);
        Assert.True(closed.Removes(DossierReadModels.PendingReadings, "social", DossierId) is false, "the social reading was done: no row to remove");
        Assert.True(closed.Completes());
    }

    [Fact]
    public void ALateTimerOfAnAnsweredQuestion_ChangesNothing()
    {
        var scenario = Scenario();
        var answered = scenario.Given(Open(), MedicalAsks(), new InformationProvided("Voici le compte rendu."));
        scenario.Now = DueAt;

        Assert.True(scenario.When(answered, new InformationDeadlineDue()).IsRejected);
        Assert.True(scenario.When(answered, new InformationReminderDue()).IsRejected);
    }

    [Fact]
    public void ADeadlineOfAnEarlierQuestion_DoesNotCloseALaterOne()
    {
        var scenario = Scenario();
        var answered = scenario.Given(Open(), MedicalAsks(), new InformationProvided("Voici."));
        scenario.After(TimeSpan.FromDays(20));
        var askedAgain = scenario.Given(answered, MedicalAsks("Et le bilan hépatique ?"));
        scenario.Now = DueAt;

        Assert.True(scenario.When(askedAgain, new InformationDeadlineDue()).IsRejected);
    }
}
