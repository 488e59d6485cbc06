using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// Invariant 8 when a merge waits: a dossier that buffers a merged request (it is suspended) and refuses it later
/// (it ended meanwhile) sends the request back to the intake, which routes it again, so that it is never recorded as
/// merged into a dossier that did not take it.
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeBufferedMergeTests(AzuriteFixture azurite, IntakeHost host)
{
    [Fact(Timeout = 60_000)]
    public async Task MergeBufferedByASuspendedDossier_ThatEndsBeforeTakingIt_OpensItsOwnDossier_ListingTheRefusingOne()
    {
        var app = host.Get(azurite);
        var probe = new IntakeProbe(app, azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        await probe.HandleAsync(Request(a, "A-1", Person(name, "Lucie", "1970-02-03", "female")).ToJsonString());
        var survivorId = DossierIds.For(new IntakeKey(a, "A-1"));
        await app.Runtime.SuspendAsync(survivorId, "contrôle");
        var withdrawal = JsonSerializer.SerializeToElement<object>(new Withdrawn("Personne relogée"), WorkflowJson.Options);
        await app.Runtime.RaiseEventAsync(survivorId, DossierEventNames.Withdrawn, withdrawal, "w1");

        await probe.HandleAsync(Request(b, "B-1", Person(name, "Lucie", "1970-02-03", "female")).ToJsonString());
        var merge = await app.Runtime.GetEventOutcomeAsync(survivorId, (await probe.RowsAsync("IntakeKeys", $"PartitionKey eq '{b}'")).Single().GetString("Hash"));
        await app.Runtime.ResumeAsync(survivorId, "fin du contrôle");

        // The dossier refuses the merge once it has ended; the intake's own listener takes the request back.
        Assert.Equal(EventResult.Buffered, merge!.Result);
        var ownId = DossierIds.For(new IntakeKey(b, "B-1"));
        await Eventually.HoldsAsync(async () => await probe.DossierAsync(ownId) is not null, "the refused request opens its own dossier");
        var (own, _) = (await probe.DossierAsync(ownId))!.Value;
        var possible = Assert.Single(own.PossibleDuplicates);
        Assert.Equal(survivorId, possible.DossierId);
        Assert.Contains(possible.Reasons, r => r.StartsWith("fusion refusée par le dossier", StringComparison.Ordinal));
        var (survivor, _) = (await probe.DossierAsync(survivorId))!.Value;
        Assert.Equal([a], survivor.Requests.Select(r => r.Prescriber.Id));
        var key = (await probe.RowsAsync("IntakeKeys", $"PartitionKey eq '{b}'")).Single();
        Assert.Equal((ownId, "Created"), (key.GetString("DossierId"), key.GetString("Route")));
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdateOfARequest_WhileItsDossierIsBeingMerged_IsRetriedNotRejected_AndThenLandsInTheSurvivor()
    {
        var app = host.Get(azurite);
        var probe = new IntakeProbe(app, azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        await probe.HandleAsync(Request(a, "A-1", Person(UniqueName(), "Lucie", "1970-02-03", "female")).ToJsonString());
        await probe.HandleAsync(Request(b, "B-1", Person(UniqueName(), "Paul", "1971-03-04")).ToJsonString());
        var (survivorId, mergingId) = (DossierIds.For(new IntakeKey(a, "A-1")), DossierIds.For(new IntakeKey(b, "B-1")));

        // A person decided they are the same; the survivor, suspended, holds the hand-over: the merge is under way.
        await app.Runtime.SuspendAsync(survivorId, "contrôle");
        var mergedInto = JsonSerializer.SerializeToElement<object>(new MergedInto(survivorId, "Même personne, vérifié par téléphone."), WorkflowJson.Options);
        await app.Runtime.RaiseEventAsync(mergingId, DossierEventNames.MergedInto, mergedInto, "m1");
        var update = Request(b, "B-1", Person(UniqueName(), "Paul", "1971-03-04"));
        update["medical"]!["summary"] = "Mise à jour : sortie d'hospitalisation prévue.";

        var retried = await Assert.ThrowsAsync<InvalidOperationException>(() => probe.HandleAsync(update.ToJsonString()));
        await app.Runtime.ResumeAsync(survivorId, "fin du contrôle");
        await Eventually.HoldsAsync(async () => (await probe.DossierAsync(mergingId))!.Value.Dossier.End is not null, "the merge ends");
        await probe.HandleAsync(update.ToJsonString());

        Assert.Contains("is being merged into", retried.Message, StringComparison.Ordinal);
        Assert.Empty(await probe.RejectedAsync(b));
        var (survivor, _) = (await probe.DossierAsync(survivorId))!.Value;
        Assert.Equal("Mise à jour : sortie d'hospitalisation prévue.", survivor.Requests.Single(r => r.Prescriber.Id == b).Medical.Summary);
    }
}
