using System.Net;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// A dossier holding two prescribers' requests (merged, invariant 1): each prescriber withdraws its own request only,
/// and the dossier goes on for the other's; the ARS withdraws it whole. Each prescriber is told on <c>dossier-events</c>.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class MergedDossierWithdrawalTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact(Timeout = 60_000)]
    public async Task OnePrescriberWithdraws_ItsRequestOnly_TheOtherStillSeesTheDossier_AndEachIsTold()
    {
        var app = await shared.GetAsync(azurite);
        var (id, first, earlier) = await OpenMergedAsync(app);
        using var hospital = Prescriber(app, earlier);
        using var outreach = Prescriber(app, first);

        using var withdrawn = await hospital.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "Orientée vers un LHSS." }));
        using var seenByOther = await outreach.GetAsync($"/api/dossiers/{id}");
        using var seenByWithdrawer = await hospital.GetAsync($"/api/dossiers/{id}");
        using var again = await hospital.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "Encore." }));

        Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        Assert.Equal("received", (await BodyAsync(withdrawn)).GetProperty("status").GetString());
        var dossier = await BodyAsync(seenByOther);
        Assert.Equal("received", dossier.GetProperty("status").GetString());
        // Seniority now counts from the request that still stands.
        Assert.Equal(first.SubmittedAt, dossier.GetProperty("firstRequestAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NotFound, seenByWithdrawer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal($"Aucun dossier « {id} ».", (await BodyAsync(again)).GetProperty("detail").GetString());
        await EventuallyAsync(async () => await LookupStatusAsync(hospital, earlier) == "withdrawn", "the withdrawer finds its request withdrawn");
        Assert.Equal("received", await LookupStatusAsync(outreach, first));
        var told = await DossierEventsQueue.ToldAsync(azurite, earlier.Prescriber.Id, earlier.ExternalRef, "withdrawn");
        Assert.Equal("Demande retirée par le prescripteur : Orientée vers un LHSS.", told.GetProperty("reason").GetString());
        var other = await DossierEventsQueue.ToldAsync(azurite, first.Prescriber.Id, first.ExternalRef, "received");
        Assert.StartsWith($"Une autre demande pour la même personne est retirée ; le dossier {id} continue", other.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(earlier.ExternalRef, other.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using var last = await outreach.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "Hébergée par sa famille." }));

        Assert.Equal("withdrawn", (await BodyAsync(last)).GetProperty("status").GetString());
        await DossierEventsQueue.ToldAsync(azurite, first.Prescriber.Id, first.ExternalRef, "withdrawn");
        Assert.Equal("withdrawn", await LookupStatusAsync(hospital, earlier));
    }

    [Fact(Timeout = 60_000)]
    public async Task AnArsAdministrator_WithdrawsTheWholeDossier_ForEveryPrescriber()
    {
        var app = await shared.GetAsync(azurite);
        var (id, first, earlier) = await OpenMergedAsync(app);
        using var admin = app.Admin();

        using var withdrawn = await admin.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "Personne décédée." }));

        Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await BodyAsync(withdrawn)).GetProperty("status").GetString());
        foreach (var request in new[] { first, earlier })
        {
            var told = await DossierEventsQueue.ToldAsync(azurite, request.Prescriber.Id, request.ExternalRef, "withdrawn");
            Assert.Equal("Dossier retiré par le guichet unique : Personne décédée.", told.GetProperty("reason").GetString());
        }
    }

    /// <summary>A dossier opened from one request, with another prescriber's earlier request merged in as intake does.</summary>
    private static async Task<(string Id, DossierRequest First, DossierRequest Earlier)> OpenMergedAsync(GuichetApp app)
    {
        var (id, first) = await OpenAsync(app);
        var earlier = Request(NewPrescriber() with { Name = "Hôpital Avicenne" }) with { SubmittedAt = first.SubmittedAt.AddDays(-40) };
        var merged = await app.Runtime.RaiseEventAsync(
            id, DossierEventNames.RequestMerged, JsonSerializer.SerializeToElement(new RequestMerged(earlier, null, "Même INS."), WorkflowJson.Options), "merge-" + earlier.ExternalRef);
        Assert.Equal(RaiseResult.Applied, merged.Result);
        return (id, first, earlier);
    }

    private static async Task<string?> LookupStatusAsync(HttpClient prescriber, DossierRequest request)
    {
        using var response = await prescriber.GetAsync($"/api/dossiers?externalRef={request.ExternalRef}");
        return response.StatusCode == HttpStatusCode.OK ? (await BodyAsync(response)).GetProperty("dossier").GetProperty("status").GetString() : null;
    }
}
