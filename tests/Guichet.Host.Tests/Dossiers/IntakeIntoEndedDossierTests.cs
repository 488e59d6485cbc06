using System.Net;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Host.Security;
using Guichet.Host.Tests.Intake;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// An ended dossier is history: a request of the same person that surely matches it, through <c>dossiers-intake</c>,
/// is never merged into it (and so never lost): it ends in exactly one open dossier, its own.
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeIntoEndedDossierTests(AzuriteFixture azurite, IntakeHost host)
{
    [Fact(Timeout = 60_000)]
    public async Task SurelyMatchingRequest_AfterTheOtherDossierWasWithdrawn_OpensItsOwn()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var person = Person(UniqueName(), "Karim", "1975-06-14");
        await probe.SendAndWaitAsync(Request(a, "A-1", person).ToJsonString());
        var withdrawnId = DossierIds.For(new IntakeKey(a, "A-1"));
        using var prescriber = probe.App.ClientWith(GuichetApp.Token([Roles.Prescriber], org: a));
        using var withdrawn = await prescriber.PostAsync($"/api/dossiers/{withdrawnId}/withdraw", DossierScenarios.Json(new { reason = "Hébergé par sa famille." }));
        Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);

        await probe.SendAndWaitAsync(Request(b, "B-1", person.DeepClone().AsObject(), "2026-09-01T09:00:00Z").ToJsonString());

        var ownId = DossierIds.For(new IntakeKey(b, "B-1"));
        var (own, status) = (await probe.DossierAsync(ownId))!.Value;
        Assert.Equal((RuntimeStatus.Running, null), (status, own.End));
        Assert.Equal([b], own.Requests.Select(r => r.Prescriber.Id));
        var (old, _) = (await probe.DossierAsync(withdrawnId))!.Value;
        Assert.Equal([a], old.Requests.Select(r => r.Prescriber.Id));
        Assert.Contains(await probe.EventsAsync(b), m => IntakeProbe.Text(m, "dossierId") == ownId && IntakeProbe.Text(m, "status") == "received");
    }

    [Fact(Timeout = 60_000)]
    public async Task MergeDecidedAtIntake_IntoADossierThatEndedMeanwhile_LeavesTheRequestInItsOwnOpenDossier()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        await probe.SendAndWaitAsync(Request(a, "A-1", Person(UniqueName(), "Karim", "1975-06-14")).ToJsonString(), Request(b, "B-1", Person(UniqueName(), "Samir", "1980-01-02")).ToJsonString());
        var (endedId, ownId) = (DossierIds.For(new IntakeKey(a, "A-1")), DossierIds.For(new IntakeKey(b, "B-1")));
        await probe.App.Runtime.RaiseEventAsync(endedId, DossierEventNames.Withdrawn, JsonSerializer.SerializeToElement(new { reason = "Hébergé par sa famille." }), "withdraw-" + endedId);

        // What intake sends when, after its look, it merges the newer dossier into the one that survives: that one ended in between.
        var merge = await probe.App.Runtime.RaiseEventAsync(ownId, DossierEventNames.MergedInto,
            JsonSerializer.SerializeToElement(new MergedInto(endedId, "Même INS."), WorkflowJson.Options), "merged-into:" + endedId);

        Assert.Equal(RaiseResult.Applied, merge.Result);
        await Eventually.HoldsAsync(
            async () => (await probe.EventsAsync(b)).Any(m => IntakeProbe.Text(m, "reason")?.StartsWith($"Fusion dans le dossier {endedId} impossible", StringComparison.Ordinal) == true),
            "the prescriber is told the merge could not be done");
        var (own, status) = (await probe.DossierAsync(ownId))!.Value;
        Assert.Equal((RuntimeStatus.Running, null, null), (status, own.End, own.MergingInto));
        Assert.Equal([b], own.Requests.Select(r => r.Prescriber.Id));
    }
}
