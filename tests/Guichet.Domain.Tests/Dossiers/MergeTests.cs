using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// Invariant 1: at most one active dossier per person and device. A second request for the same person is merged
/// into the active one, the earliest request date is kept, and both prescribers are told.
/// </summary>
public sealed class MergeTests
{
    private static readonly DossierRequest Earlier = Request(Avicenne, "HOP-4471", Now.AddDays(-40));

    [Fact]
    public void MergedRequest_KeepsTheEarliestRequestDate_AndTellsBothPrescribers()
    {
        var scenario = Scenario();
        var read = scenario.Given(Open(), Medical());

        var merged = scenario.When(read, new RequestMerged(Earlier, null, "Même INS."));

        var dossier = merged.Accepted();
        Assert.Equal(Earlier.SubmittedAt, dossier.FirstRequestAt);
        Assert.Equal(["VT-2026-000123", "HOP-4471"], dossier.Requests.Select(r => r.ExternalRef));
        Assert.Equal(DossierStatus.UnderReview, dossier.Status);
        var messages = merged.Messages();
        Assert.Equal([(Maraude.Id, "VT-2026-000123"), (Avicenne.Id, "HOP-4471")], messages.Select(m => (m.PrescriberId, m.ExternalRef)));
        Assert.All(messages, m => Assert.Equal(("under-review", DossierId), (m.Status, m.DossierId)));
        Assert.All(messages, m => Assert.Equal("Même personne : la demande est rattachée à une autre demande pour la même personne, dans le dossier D-ACT-DIALLO, qui garde la date de demande la plus ancienne. Même INS.", m.Reason));
        Assert.Equal(
            new DossierRequestRow(DossierId, "ACT", "under-review", Earlier.SubmittedAt, null),
            merged.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Avicenne.Id, DossierReadModels.RequestRowKey("HOP-4471", DossierId)));
        Assert.Equal(Earlier.SubmittedAt, merged.Row<PendingReadingRow, Dossier>(DossierReadModels.PendingReadings, "social", DossierId).FirstRequestAt);
    }

    [Fact]
    public void AMergedLaterRequest_LeavesTheRequestDateAsItWas()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());

        var merged = scenario.When(opened, new RequestMerged(Request(Avicenne, "HOP-4471", Now), null, "Même INS.")).Accepted();

        Assert.Equal(Request().SubmittedAt, merged.FirstRequestAt);
    }

    [Fact]
    public void AMergeOfAnotherDevice_IsRefused()
    {
        var scenario = Scenario();

        var reason = scenario.When(scenario.Given(Open()), new RequestMerged(Request(Avicenne, "HOP-4471", device: Device.Lhss), null, "Même INS.")).Refused();

        Assert.Contains("même dispositif", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AMergeIntoAnEndedDossier_IsRefused_SayingAnEndedDossierIsHistory()
    {
        var scenario = Scenario();
        var withdrawn = scenario.Given(Open(), new Withdrawn("Hébergée par sa famille."));

        var request = scenario.When(withdrawn, new RequestMerged(Earlier, null, "Même INS.")).Refused();
        var dossier = scenario.When(withdrawn, new DossierMerged("D-YOUNGER", [Earlier], "Même INS.")).Refused();

        Assert.Equal($"Le dossier {DossierId} est clos (retiré) : un dossier terminé reste de l'historique et ne reçoit plus de demande ; la demande garde son propre dossier.", request);
        Assert.Equal(request, dossier);
    }

    [Fact]
    public void MergedInto_HandsAllItsRequestsOverInOneEvent_AndStaysOpenUntilTheSurvivorAccepts()
    {
        var scenario = Scenario();
        var joined = scenario.Given(Open(), Social(), new RequestMerged(Earlier, null, "Même INS."));

        var merging = scenario.When(joined, new MergedInto("D-SURVIVOR", "Même personne, INS identique."));

        var dossier = merging.Accepted();
        Assert.Null(dossier.End);
        Assert.Equal("D-SURVIVOR", dossier.MergingInto!.DossierId);
        var sent = Assert.Single(merging.Sent());
        var payload = (DossierMerged)sent.Payload!;
        Assert.Equal(("D-SURVIVOR", "dossier-merged", DossierId, "Même personne, INS identique."), (sent.InstanceId, sent.EventName, payload.FromDossierId, payload.Reason));
        Assert.Equal([Request().Key, Earlier.Key], payload.Requests.Select(r => r.Key));
        Assert.Empty(merging.Messages());
        Assert.False(merging.Completes());
        // The dossier's own rows of its requests say merged now, before the survivor writes its own: never open in two dossiers.
        Assert.Equal("merged", merging.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Avicenne.Id, DossierReadModels.RequestRowKey("HOP-4471", DossierId)).Status);
        Assert.True(merging.Effects.ToList().FindLastIndex(e => e is Project) < merging.Effects.ToList().FindIndex(e => e is SendEvent), "rows are written before the survivor hears of the merge");
    }

    [Fact]
    public void GivenAReceivedDossier_WhenAnAdmissibleDossierOfTheSamePersonHandsItsRequestsOver_ThenItTakesItsReadingsAndAdmissibility_AndIsOnTheWaitingList()
    {
        var scenario = Scenario();
        var admissible = scenario.Given(Open(Earlier), ToTheWaitingList());
        var handing = scenario.When(admissible, new MergedInto("D-SURVIVOR", "Même personne, INS identique."));
        var handed = (DossierMerged)Assert.Single(handing.Sent()).Payload!;

        // The scenario's dossiers share one id: the one handing over is named apart here.
        var joined = scenario.When(scenario.Given(Open()), handed with { FromDossierId = "D-YOUNGER" });

        var survivor = joined.Accepted();
        Assert.Equal(DossierProgress.Of(admissible), handed.Progress);
        Assert.Equal(DossierStatus.WaitingList, survivor.Status);
        Assert.Equal((admissible.Medical, admissible.Social, admissible.Commission), (survivor.Medical, survivor.Social, survivor.Commission));
        Assert.Equal(Earlier.SubmittedAt, survivor.FirstRequestAt);
        Assert.All(joined.Messages(), m => Assert.Equal("waiting-list", m.Status));
    }

    [Fact]
    public void GivenADossierFurtherAlong_WhenADossierLessFarAlongHandsItsRequestsOver_ThenItsOwnReadingsAndDecisionStay()
    {
        var scenario = Scenario();
        var onTheList = scenario.Given(Open(), ToTheWaitingList());
        var handed = new DossierMerged("D-YOUNGER", [Earlier], "Même INS.", new DossierProgress(Medical(severity: 1).Reading, null, null, null));

        var survivor = scenario.When(onTheList, handed).Accepted();

        Assert.Equal(DossierStatus.WaitingList, survivor.Status);
        Assert.Equal((onTheList.Medical, onTheList.Social, onTheList.Commission), (survivor.Medical, survivor.Social, survivor.Commission));
    }

    [Fact]
    public void GivenAnUpdatedIdentity_WhenIntakeFindsPossibleDuplicates_ThenTheyAreListedForAPersonsReview_OnceEach_NeverMerged()
    {
        var scenario = Scenario();
        var read = scenario.Given(Open(null, new PossibleDuplicate("D-KNOWN", ["mêmes noms"])), Medical());
        var found = new PossibleDuplicatesFound([new("D-OTHER", ["nom proche, même date de naissance"]), new("D-KNOWN", ["mêmes noms"]), new(DossierId, ["lui-même"])]);

        var listed = scenario.When(read, found);
        var again = scenario.When(listed.Accepted(), found);

        Assert.Equal(["D-KNOWN", "D-OTHER"], listed.Accepted().PossibleDuplicates.Select(p => p.DossierId));
        Assert.Equal(DossierStatus.UnderReview, listed.Accepted().Status);
        Assert.Contains(listed.Effects.OfType<Project>(), p => p.Table == DossierReadModels.DuplicateReviews && p.Row is not null);
        Assert.Empty(listed.Sent());
        Assert.Equal(listed.Accepted().PossibleDuplicates, again.Accepted().PossibleDuplicates);
        Assert.DoesNotContain(again.Effects, e => e is Project);
        Assert.Contains("raisons", scenario.When(read, new PossibleDuplicatesFound([new("D-OTHER", [])])).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAPossibleDuplicateKeptApartByAPerson_WhenIntakeFindsItAgain_ThenItIsNotListedAgain()
    {
        var scenario = Scenario();
        var keptApart = scenario.Given(Open(null, new PossibleDuplicate("D-KNOWN", ["mêmes noms"])), new DuplicateReviewed("D-KNOWN", false, "Deux personnes distinctes : dates de naissance vérifiées."));

        var foundAgain = scenario.When(keptApart, new PossibleDuplicatesFound([new("D-KNOWN", ["mêmes noms"])])).Accepted();

        Assert.Equal(["D-KNOWN"], keptApart.KeptApart);
        Assert.Empty(foundAgain.PossibleDuplicates);
    }

    [Fact]
    public void TheSurvivor_WritesItsOwnRowOfEachRequestHandedOver_NeverTheSendersRow()
    {
        var scenario = Scenario();

        var joined = scenario.When(scenario.Given(Open()), new DossierMerged("D-YOUNGER", [Earlier], "Même INS."));

        Assert.Equal(
            new DossierRequestRow(DossierId, "ACT", "received", Earlier.SubmittedAt, null),
            joined.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Avicenne.Id, DossierReadModels.RequestRowKey("HOP-4471", DossierId)));
        Assert.DoesNotContain(joined.Effects.OfType<Project>(), p => p.RowKey.Contains("D-YOUNGER", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeAccepted_EndsAsMerged_WithoutWritingTheRequestsRowsAgain()
    {
        var scenario = Scenario();
        var merging = scenario.Given(Open(), Social(), new RequestMerged(Earlier, null, "Même INS."), new MergedInto("D-SURVIVOR", "Même personne, INS identique."));

        var merged = scenario.When(merging, new MergeAccepted("D-SURVIVOR"));

        var dossier = merged.Accepted();
        Assert.Equal(DossierStatus.Merged, dossier.Status);
        Assert.Equal("D-SURVIVOR", dossier.End!.MergedInto);
        Assert.Empty(merged.Rows(DossierReadModels.Requests));
        Assert.True(merged.Removes(DossierReadModels.PendingReadings, "medical", DossierId));
        Assert.Equal(2, merged.Messages().Count);
        Assert.All(merged.Messages(), m => Assert.Equal("merged", m.Status));
        Assert.True(merged.Completes());
    }

    [Fact]
    public void AMergeTheSurvivorDidNotTake_LeavesTheDossierOpenWithItsRequests_AndTellsItsPrescribers()
    {
        var scenario = Scenario();
        var merging = scenario.Given(Open(null, new PossibleDuplicate("D-ENDED", ["mêmes noms"])), Medical(), new DuplicateReviewed("D-ENDED", true, "Même personne."));

        var refused = scenario.When(merging, new EventNotDelivered("D-ENDED", DossierEventNames.DossierMerged, "Instance 'D-ENDED' has ended (Completed)."));

        var dossier = refused.Accepted();
        Assert.Null(dossier.End);
        Assert.Null(dossier.MergingInto);
        Assert.Equal(DossierStatus.UnderReview, dossier.Status);
        Assert.Equal([Request().Key], dossier.Requests.Select(r => r.Key));
        Assert.Empty(dossier.PossibleDuplicates);
        Assert.Equal("under-review", refused.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Maraude.Id, DossierReadModels.RequestRowKey("VT-2026-000123", DossierId)).Status);
        var told = Assert.Single(refused.Messages());
        Assert.Equal(("under-review", $"Fusion dans le dossier D-ENDED impossible : ce dossier est clos ou l'a refusée. Le dossier {DossierId} reste ouvert avec sa demande."), (told.Status, told.Reason));
        Assert.False(refused.Completes());
    }

    [Fact]
    public void ANoticeOfAnotherEventNotDelivered_UndoesNothing()
    {
        var scenario = Scenario();

        var reason = scenario.When(scenario.Given(Open()), new EventNotDelivered("D-YOUNGER", DossierEventNames.MergeAccepted, "ended")).Refused();

        Assert.Contains("ne défait rien ici", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhileItsMergeIsUnderWay_TheDossierTakesNoOtherRequestNorWithdrawal()
    {
        var scenario = Scenario();
        var merging = scenario.Given(Open(), new MergedInto("D-SURVIVOR", "Même INS."));

        Assert.StartsWith("Ce dossier est en cours de fusion dans le dossier D-SURVIVOR", scenario.When(merging, new RequestMerged(Earlier, null, "Même INS.")).Refused(), StringComparison.Ordinal);
        Assert.StartsWith("Ce dossier est en cours de fusion", scenario.When(merging, new Withdrawn("Retrait.", Maraude.Id)).Refused(), StringComparison.Ordinal);
        Assert.StartsWith("Ce dossier est en cours de fusion", scenario.When(merging, new MergedInto("D-OTHER", "Même INS.")).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSurvivor_TakesEveryRequestHandedOver_KeepsTheEarliestDate_AndAnswersTheSender()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open(Request(submittedAt: Now.AddDays(-3)), new PossibleDuplicate("D-YOUNGER", ["mêmes noms"])));
        var third = Request(new("ccas-saint-denis", PrescriberType.SocialService, "CCAS de Saint-Denis"), "CCAS-9", Now.AddDays(-10));

        var joined = scenario.When(opened, new DossierMerged("D-YOUNGER", [Earlier, third], "Même INS."));

        var dossier = joined.Accepted();
        Assert.Equal(["VT-2026-000123", "HOP-4471", "CCAS-9"], dossier.Requests.Select(r => r.ExternalRef));
        Assert.Equal(Earlier.SubmittedAt, dossier.FirstRequestAt);
        Assert.Empty(dossier.PossibleDuplicates);
        var answer = Assert.Single(joined.Sent());
        Assert.Equal(("D-YOUNGER", "merge-accepted", DossierId), (answer.InstanceId, answer.EventName, ((MergeAccepted)answer.Payload!).DossierId));
        Assert.Equal(3, joined.Messages().Count);
        Assert.All(joined.Messages(), m => Assert.StartsWith($"Même personne : la demande est rattachée à une autre demande pour la même personne, dans le dossier {DossierId}", m.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void MergeMessages_NameNeitherAnotherOrganisationNorItsReference()
    {
        var scenario = Scenario();
        var third = Request(new("ccas-saint-denis", PrescriberType.SocialService, "CCAS de Saint-Denis"), "CCAS-9", Now.AddDays(-10));

        var requestJoined = scenario.When(scenario.Given(Open()), new RequestMerged(Earlier, "D-YOUNGER", "Même INS."));
        var dossierJoined = scenario.When(scenario.Given(Open()), new DossierMerged("D-YOUNGER", [Earlier, third], "Même INS."));

        var told = requestJoined.Messages().Concat(dossierJoined.Messages()).ToArray();
        Assert.Equal(5, told.Length);
        string[] named = [Maraude.Name, Maraude.Id, "VT-2026-000123", Avicenne.Name, Avicenne.Id, "HOP-4471", third.Prescriber.Name, third.Prescriber.Id, "CCAS-9"];
        Assert.All(told, m => Assert.All(named, n => Assert.DoesNotContain(n, m.Reason!, StringComparison.Ordinal)));
        Assert.All(told, m => Assert.Contains(DossierId, m.Reason!, StringComparison.Ordinal));
    }

    [Fact]
    public void TheSurvivor_ThenKeepsTheEarliestDateOfBoth()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open(Request(submittedAt: Now.AddDays(-3))));

        var handedOver = scenario.When(opened, new RequestMerged(Earlier, "D-YOUNGER", "Même INS.")).Accepted();

        Assert.Equal(Earlier.SubmittedAt, handedOver.FirstRequestAt);
    }

    [Fact]
    public void ARequestMergedFromAReviewedDuplicate_IsNoLongerAPossibleDuplicate()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open(null, new PossibleDuplicate("D-YOUNGER", ["mêmes noms"])));

        var merged = scenario.When(opened, new RequestMerged(Earlier, "D-YOUNGER", "Même personne."));

        Assert.Empty(merged.Accepted().PossibleDuplicates);
        Assert.True(merged.Removes(DossierReadModels.DuplicateReviews, "pending", $"{DossierId}~D-YOUNGER"));
    }

    [Fact]
    public void DuplicateReviewedAsTheSamePerson_HandsItsRequestsOverToTheOther()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open(null, new PossibleDuplicate("D-OLDER", ["mêmes noms"])));

        var reviewed = scenario.When(opened, new DuplicateReviewed("D-OLDER", true, "Même date de naissance et même hébergement, confirmé par la maraude."));

        Assert.Equal("D-OLDER", reviewed.Accepted().MergingInto!.DossierId);
        Assert.Equal(("D-OLDER", "dossier-merged"), (Assert.Single(reviewed.Sent()).InstanceId, reviewed.Sent()[0].EventName));
        Assert.False(reviewed.Completes());
    }

    [Fact]
    public void DuplicateReviewedAsTwoPeople_DropsTheMatch_AndTheDossierGoesOn()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open(null, new PossibleDuplicate("D-OLDER", ["mêmes noms"]), new PossibleDuplicate("D-OTHER", ["même INS"])));

        var reviewed = scenario.When(opened, new DuplicateReviewed("D-OLDER", false, "Homonyme : dates de naissance différentes."));

        var dossier = reviewed.Accepted();
        Assert.Equal(["D-OTHER"], dossier.PossibleDuplicates.Select(p => p.DossierId));
        Assert.Null(dossier.End);
        Assert.True(reviewed.Removes(DossierReadModels.DuplicateReviews, "pending", $"{DossierId}~D-OLDER"));
        Assert.Empty(reviewed.Messages());
        Assert.False(reviewed.Completes());
    }

    [Fact]
    public void AReviewOfAnUnknownMatch_IsRefused()
    {
        var scenario = Scenario();

        var reason = scenario.When(scenario.Given(Open()), new DuplicateReviewed("D-OLDER", true, "Même personne.")).Refused();

        Assert.Contains("n'est pas un doublon possible", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AReviewWithoutReason_IsRefused()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open(null, new PossibleDuplicate("D-OLDER", ["mêmes noms"])));

        Assert.Equal("L'examen d'un doublon possible doit être motivé.", scenario.When(opened, new DuplicateReviewed("D-OLDER", false, " ")).Refused());
    }

    [Fact]
    public void RequestUpdated_ReplacesTheRequest_ButNeverMakesItYounger()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());
        var update = Request(submittedAt: Now) with { Wishes = new Wishes([Department.Paris]) };

        var updated = scenario.When(opened, new RequestUpdated(update));

        var dossier = updated.Accepted();
        Assert.Equal([Department.Paris], dossier.FirstRequest.Wishes.Departments);
        Assert.Equal(Request().SubmittedAt, dossier.FirstRequest.SubmittedAt);
        Assert.Equal(Request().SubmittedAt, dossier.FirstRequestAt);
        Assert.Empty(updated.Messages());
    }

    [Fact]
    public void RequestUpdated_WithAnEarlierDate_KeepsTheRequestsOriginalDate()
    {
        var scenario = Scenario();
        var opened = scenario.Given(Open());
        var backdated = Request(submittedAt: new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var updated = scenario.When(opened, new RequestUpdated(backdated));

        var dossier = updated.Accepted();
        Assert.Equal(Request().SubmittedAt, dossier.FirstRequest.SubmittedAt);
        Assert.Equal(Request().SubmittedAt, dossier.FirstRequestAt);
    }

    [Fact]
    public void AnUpdateOfARequestTheDossierDoesNotHold_IsRefused()
    {
        var scenario = Scenario();

        var reason = scenario.When(scenario.Given(Open()), new RequestUpdated(Earlier)).Refused();

        Assert.Equal("Ce dossier ne contient pas la demande HOP-4471 de aphp-avicenne.", reason);
    }

    [Fact]
    public void AnUpdateToAnotherDevice_IsRefused() =>
        Assert.Contains("ne change pas de dispositif", Scenario().When(Scenario().Given(Open()), new RequestUpdated(Request(device: Device.Lam))).Refused(), StringComparison.Ordinal);
}
