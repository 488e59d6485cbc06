using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// A prescriber withdraws its own requests at any stage before an end, saying why. A dossier holding another
/// prescriber's request goes on for it; the dossier ends as withdrawn with its last request, or when the guichet
/// (the ARS) withdraws it whole.
/// </summary>
public sealed class WithdrawalTests
{
    private static readonly DossierRequest Earlier = Request(Avicenne, "HOP-4471", Now.AddDays(-40));

    public static TheoryData<string> Stages() => ["received", "under-review", "needs-information", "awaiting-commission", "waiting-list"];

    [Theory]
    [MemberData(nameof(Stages))]
    public void Withdrawal_AtAnyStageBeforeAnEnd_EndsTheDossier_AndRemovesItsWorkingRows(string stage)
    {
        var scenario = Scenario();
        var dossier = scenario.Given(Open(null, new PossibleDuplicate("D-OTHER", ["mêmes noms"])), stage switch
        {
            "received" => [],
            "under-review" => [Medical()],
            "needs-information" => [MedicalAsks()],
            "awaiting-commission" => ToTheCommission(),
            _ => ToTheWaitingList(),
        });
        Assert.Equal(stage, scenario.Decider.StatusOf(dossier));

        var withdrawn = scenario.When(dossier, new Withdrawn(" Hébergée par sa sœur. ", Maraude.Id));

        var ended = withdrawn.Accepted();
        Assert.Equal(new DossierEnd(DossierStatus.Withdrawn, Now, "Demande retirée par le prescripteur : Hébergée par sa sœur.", null), ended.End);
        Assert.Equal(("withdrawn", ended.End!.Reason), (Assert.Single(withdrawn.Messages()).Status, withdrawn.Messages()[0].Reason));
        Assert.Equal([DossierReadModels.Requests], DossierRows.Of(ended).Select(r => r.Table).Distinct());
        Assert.All(withdrawn.Effects.OfType<Project>().Where(p => p.Table != DossierReadModels.Requests), p => Assert.Null(p.Row));
        Assert.True(withdrawn.Removes(DossierReadModels.DuplicateReviews, "pending", $"{DossierId}~D-OTHER"));
        Assert.True(withdrawn.Completes());
    }

    [Fact]
    public void WithdrawalByOnePrescriber_OfAMergedDossier_WithdrawsItsRequestOnly_AndTheDossierGoesOnForTheOther()
    {
        var scenario = Scenario();
        var merged = scenario.Given(Open(), new RequestMerged(Earlier, null, "Même INS."), Medical());

        var withdrawn = scenario.When(merged, new Withdrawn("Orientée vers un LHSS.", Avicenne.Id));

        var dossier = withdrawn.Accepted();
        Assert.Null(dossier.End);
        Assert.Equal(DossierStatus.UnderReview, dossier.Status);
        Assert.Equal([Request().Key], dossier.Requests.Select(r => r.Key));
        Assert.Equal(Earlier.Key, Assert.Single(dossier.Withdrawals).Request.Key);
        // Seniority counts from the earliest request that still stands.
        Assert.Equal(Request().SubmittedAt, dossier.FirstRequestAt);
        Assert.Equal(Request().SubmittedAt, withdrawn.Row<PendingReadingRow, Dossier>(DossierReadModels.PendingReadings, "social", DossierId).FirstRequestAt);
        Assert.Equal(
            new DossierRequestRow(DossierId, "ACT", "withdrawn", Earlier.SubmittedAt, "Demande retirée par le prescripteur : Orientée vers un LHSS."),
            withdrawn.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Avicenne.Id, DossierReadModels.RequestRowKey("HOP-4471", DossierId)));
        var messages = withdrawn.Messages();
        Assert.Equal(
            [(Avicenne.Id, "HOP-4471", "withdrawn"), (Maraude.Id, "VT-2026-000123", "under-review")],
            messages.Select(m => (m.PrescriberId, m.ExternalRef, m.Status)));
        Assert.StartsWith($"Une autre demande pour la même personne est retirée ; le dossier {DossierId} continue pour votre demande", messages[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("HOP-4471", messages[1].Reason!, StringComparison.Ordinal);
        Assert.DoesNotContain(Avicenne.Name, messages[1].Reason!, StringComparison.Ordinal);
        Assert.False(withdrawn.Completes());
    }

    [Fact]
    public void TheLastRequestWithdrawn_EndsTheDossierAsWithdrawn_AndTheEarlierWithdrawalKeepsItsRow()
    {
        var scenario = Scenario();
        var partly = scenario.Given(Open(), new RequestMerged(Earlier, null, "Même INS."), new Withdrawn("Orientée vers un LHSS.", Avicenne.Id));

        var withdrawn = scenario.When(partly, new Withdrawn("Hébergée par sa famille.", Maraude.Id));

        var ended = withdrawn.Accepted();
        Assert.Equal(DossierStatus.Withdrawn, ended.Status);
        Assert.Equal((Maraude.Id, "withdrawn"), (Assert.Single(withdrawn.Messages()).PrescriberId, withdrawn.Messages()[0].Status));
        Assert.Equal(
            [(Avicenne.Id, "Demande retirée par le prescripteur : Orientée vers un LHSS."), (Maraude.Id, "Demande retirée par le prescripteur : Hébergée par sa famille.")],
            DossierRows.Of(ended).Select(p => (p.PartitionKey, ((DossierRequestRow)p.Row!).Reason)).Order());
        Assert.False(withdrawn.Removes(DossierReadModels.Requests, Avicenne.Id, DossierReadModels.RequestRowKey("HOP-4471", DossierId)));
        Assert.True(withdrawn.Completes());
    }

    [Fact]
    public void TheGuichet_WithdrawsTheWholeDossier_AndEveryPrescriberIsTold()
    {
        var scenario = Scenario();
        var merged = scenario.Given(Open(), new RequestMerged(Earlier, null, "Même INS."));

        var withdrawn = scenario.When(merged, new Withdrawn("Personne décédée."), actor: "ars-admin");

        Assert.Equal("Dossier retiré par le guichet unique : Personne décédée.", withdrawn.Accepted().End!.Reason);
        Assert.Equal([(Maraude.Id, "withdrawn"), (Avicenne.Id, "withdrawn")], withdrawn.Messages().Select(m => (m.PrescriberId, m.Status)));
        Assert.True(withdrawn.Completes());
    }

    [Fact]
    public void AWithdrawalByAPrescriberWithNoRequestInTheDossier_IsRefused_AndChangesNothing()
    {
        var scenario = Scenario();

        var reason = scenario.When(scenario.Given(Open()), new Withdrawn("Pas à nous.", Avicenne.Id)).Refused();

        Assert.StartsWith("Ce dossier ne contient aucune demande du prescripteur aphp-avicenne", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUpdateOfAWithdrawnRequest_IsRefused_SayingItWasWithdrawn()
    {
        var scenario = Scenario();
        var partly = scenario.Given(Open(), new RequestMerged(Earlier, null, "Même INS."), new Withdrawn("Orientée ailleurs.", Avicenne.Id));

        var reason = scenario.When(partly, new RequestUpdated(Earlier)).Refused();

        Assert.StartsWith("La demande HOP-4471 a été retirée de ce dossier", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WithdrawalWithoutReason_IsRefused() =>
        Assert.Equal("Un retrait doit être motivé.", Scenario().When(Scenario().Given(Open()), new Withdrawn("", Maraude.Id)).Refused());

    [Fact]
    public void AnEndedDossier_RefusesEverything()
    {
        var scenario = Scenario();
        var withdrawn = scenario.Given(Open(), new Withdrawn("Décès."));

        Assert.True(scenario.When(withdrawn, new Withdrawn("encore")).IsRejected);
        Assert.True(scenario.When(withdrawn, new RequestUpdated(Request())).IsRejected);
        Assert.True(scenario.When(withdrawn, new InformationDeadlineDue()).IsRejected);
    }
}
