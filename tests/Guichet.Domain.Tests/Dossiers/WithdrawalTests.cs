using Guichet.Domain.Dossiers;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>The prescriber withdraws the request at any stage before an end, saying why; the dossier ends and keeps only its requests' rows.</summary>
public sealed class WithdrawalTests
{
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

        var withdrawn = scenario.When(dossier, new Withdrawn(" Hébergée par sa sœur. "));

        var ended = withdrawn.Accepted();
        Assert.Equal(new DossierEnd(DossierStatus.Withdrawn, Now, "Demande retirée par le prescripteur : Hébergée par sa sœur.", null), ended.End);
        Assert.Equal(("withdrawn", ended.End!.Reason), (Assert.Single(withdrawn.Messages()).Status, withdrawn.Messages()[0].Reason));
        Assert.Equal([DossierReadModels.Requests], DossierRows.Of(ended).Select(r => r.Table).Distinct());
        Assert.All(withdrawn.Effects.OfType<Guichet.Deciders.Project>().Where(p => p.Table != DossierReadModels.Requests), p => Assert.Null(p.Row));
        Assert.True(withdrawn.Removes(DossierReadModels.DuplicateReviews, "pending", $"{DossierId}~D-OTHER"));
        Assert.True(withdrawn.Completes());
    }

    [Fact]
    public void WithdrawalWithoutReason_IsRefused() =>
        Assert.Equal("Un retrait doit être motivé.", Scenario().When(Scenario().Given(Open()), new Withdrawn("")).Refused());

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
