using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>The double reading, medical and social, in parallel: each once, scored 0 to 5, reasoned when it says no.</summary>
public sealed class ReadingTests
{
    [Fact]
    public void FirstReading_PutsTheDossierUnderReview_AndLeavesTheOtherToDo()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());

        var read = scenario.When(opened, Medical());

        var dossier = read.Accepted();
        Assert.Equal(DossierStatus.UnderReview, dossier.Status);
        Assert.Equal("under-review", Assert.Single(read.Messages()).Status);
        Assert.True(read.Removes(DossierReadModels.PendingReadings, "medical", DossierId));
        Assert.Equal("under-review", read.Row<PendingReadingRow, Dossier>(DossierReadModels.PendingReadings, "social", DossierId).Status);
    }

    [Fact]
    public void BothReadingsEligible_AwaitTheCommission_FromTheSecondReading()
    {
        var scenario = Scenario();
        var halfRead = scenario.Given(Open(), Social());
        scenario.After(TimeSpan.FromDays(2));

        var read = scenario.When(halfRead, Medical());

        var dossier = read.Accepted();
        Assert.Equal(DossierStatus.AwaitingCommission, dossier.Status);
        Assert.Equal(scenario.Now, dossier.ReadingsCompletedAt);
        Assert.Equal(
            new AwaitingCommissionRow(DossierId, "ACT", scenario.Now, dossier.FirstRequestAt, null),
            read.Row<AwaitingCommissionRow, Dossier>(DossierReadModels.AwaitingCommission, "ACT", DossierId));
        Assert.True(read.Removes(DossierReadModels.PendingReadings, "medical", DossierId));
        Assert.Equal("awaiting-commission", Assert.Single(read.Messages()).Status);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void SeverityOutsideZeroToFive_IsRefused_AndChangesNothing(int severity)
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());

        var reason = scenario.When(opened, Medical(severity: severity)).Refused();

        Assert.Contains("de 0 à 5", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VulnerabilityOutsideZeroToFive_IsRefused() =>
        Assert.Contains("vulnérabilité sociale", Scenario().When(Scenario().Given(Open()), Social(vulnerability: 9)).Refused(), StringComparison.Ordinal);

    [Fact]
    public void ASecondReadingOfTheSameKind_IsRefused()
    {
        var scenario = Scenario();
        var read = scenario.Given(Open(), Medical(severity: 2));

        var reason = scenario.When(read, Medical(severity: 5)).Refused();

        Assert.Equal("La lecture médicale de ce dossier est déjà enregistrée.", reason);
    }

    [Theory]
    [InlineData(null, Orientation.Hospital)]
    [InlineData("  ", Orientation.Hospital)]
    [InlineData("Soins aigus hospitaliers nécessaires.", null)]
    public void IneligibleWithoutReasonOrOrientation_IsRefused_AndChangesNothing(string? reason, Orientation? orientation)
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());

        var refusal = scenario.When(opened, Medical(ReadingVerdict.Ineligible, reason: reason, orientation: orientation)).Refused();

        Assert.Contains("dit pourquoi et recommande une autre orientation", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void IneligibleMedicalReading_EndsTheDossierNotAdmissible_WithItsOrientation_KeepingTheMedicalReasonOutOfTheEndReason()
    {
        var scenario = Scenario();
        var halfRead = scenario.Given(Open(), Social());

        var read = scenario.When(halfRead, Medical(ReadingVerdict.Ineligible, reason: "Soins aigus hospitaliers nécessaires.", orientation: Orientation.Hospital));

        var dossier = read.Accepted();
        Assert.Equal(DossierStatus.NotAdmissible, dossier.Status);
        var expected = "Non éligible (lecture médicale) : motif dans la lecture médicale, réservé aux rôles médicaux — orientation recommandée : hospital.";
        Assert.Equal(new DossierEnd(DossierStatus.NotAdmissible, Now, expected, null), dossier.End);
        var message = Assert.Single(read.Messages());
        Assert.Equal(("not-admissible", expected), (message.Status, message.Reason));
        Assert.Equal(expected, read.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Maraude.Id, DossierReadModels.RequestRowKey("VT-2026-000123", DossierId)).Reason);
        Assert.True(read.Removes(DossierReadModels.PendingReadings, "medical", DossierId));
        Assert.True(read.Completes());
    }

    [Fact]
    public void NeedsInformationWithoutAQuestion_IsRefused() =>
        Assert.Contains("pose sa question", Scenario().When(Scenario().Given(Open()), Medical(ReadingVerdict.NeedsInformation, question: " ")).Refused(), StringComparison.Ordinal);

    [Fact]
    public void TheOtherReader_GoesOnWhileAQuestionWaits()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), MedicalAsks());

        var read = scenario.When(asked, Social());

        var dossier = read.Accepted();
        Assert.Equal(DossierStatus.NeedsInformation, dossier.Status);
        Assert.NotNull(dossier.Social);
        Assert.Empty(read.Messages());
    }

    [Fact]
    public void ASecondQuestion_WhileOneWaits_IsRefused()
    {
        var scenario = Scenario();
        var asked = scenario.Given(Open(), MedicalAsks());

        var reason = scenario.When(asked, SocialAsks()).Refused();

        Assert.Contains("déjà posée", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterTheEnd_NoReadingIsRecorded()
    {
        var scenario = Scenario();
        var withdrawn = scenario.Given(Open(), new Withdrawn("La personne a trouvé une solution."));

        Assert.StartsWith("Le dossier est clos (retiré)", scenario.When(withdrawn, Medical()).Refused(), StringComparison.Ordinal);
    }
}
