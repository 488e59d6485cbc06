using Azure.Data.Tables;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// A request's route is recorded before it is taken, so that a message delivered again after its host stopped
/// midway finishes the route, and one that comes after a merge finds the surviving dossier.
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeRecoveryTests(AzuriteFixture azurite, IntakeHost host)
{
    [Fact(Timeout = 60_000)]
    public async Task HostStoppedAfterRecordingTheKey_Redelivery_OpensTheDossierOnce()
    {
        var app = host.Get(azurite);
        var probe = new IntakeProbe(app, azurite);
        var prescriber = NewPrescriber();
        var text = Request(prescriber, "REF-1", Person(UniqueName(), "Karim", "1975-06-14")).ToJsonString();
        var dossierId = DossierIds.For(new IntakeKey(prescriber, "REF-1"));
        var keys = azurite.Azurite.Clients().Tables.GetTableClient(app.Hub + "IntakeKeys");
        await keys.AddEntityAsync(new TableEntity(prescriber, "REF-1") { ["DossierId"] = dossierId, ["Hash"] = IntakeRejectionTests.Hash(text), ["Route"] = "Created" });

        await probe.HandleAsync(text);
        await probe.HandleAsync(text);

        Assert.Single((await app.Runtime.GetWholeHistoryAsync(dossierId))!, e => e.Kind == HistoryKind.Started);
        Assert.NotEmpty(await probe.RowsAsync("IdentityIndex", TableClient.CreateQueryFilter($"RowKey eq {dossierId}")));
        Assert.Single(await probe.EventsAsync(prescriber));
    }

    [Fact(Timeout = 60_000)]
    public async Task LaterMessageOfAMergedRequest_UpdatesItInTheSurvivingDossier()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        await probe.HandleAsync(Request(a, "A-1", Person(name, "Karim", "1975-06-14")).ToJsonString());
        var merged = Request(b, "B-1", Person(name, "Karim", "1975-06-14"));
        await probe.HandleAsync(merged.ToJsonString());
        var later = merged.DeepClone().AsObject();
        later["social"]!["housing"] = "emergency-shelter";

        await probe.HandleAsync(later.ToJsonString());
        await probe.HandleAsync(merged.ToJsonString());

        var (survivor, _) = (await probe.DossierAsync(DossierIds.For(new IntakeKey(a, "A-1"))))!.Value;
        Assert.Equal(2, survivor.Requests.Count);
        Assert.Equal(Domain.HousingSituation.EmergencyShelter, survivor.Requests.Single(r => r.Prescriber.Id == b).Social.Housing);
        var history = (await probe.App.Runtime.GetWholeHistoryAsync(survivor.Id))!;
        Assert.Single(history, e => e.Name == DossierEventNames.RequestMerged);
        Assert.Single(history, e => e.Name == DossierEventNames.RequestUpdated);
    }
}
