using System.Net;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Host.Security;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>Possible duplicates are listed for a person to review, and leave the list once decided (invariant 1: never merged silently).</summary>
[Collection(HostGroup.Name)]
public sealed class DuplicateReviewTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task PossibleDuplicate_IsListed_ThenKeptApart_AndLeavesTheList()
    {
        var app = await shared.GetAsync(azurite);
        var (first, _) = await OpenAsync(app);
        var second = await OpenAsync(app, Request(), new PossibleDuplicate(first, ["même nom, même date de naissance"]));
        using var reader = As(app, Roles.SocialReader);

        await EventuallyAsync(async () => (await PendingAsync(reader)).Any(r => Is(r, second, first)), "the possible duplicate is listed");
        using var reviewed = await reader.PostAsync($"/api/dossiers/{second}/duplicates/{first}", Json(new { merge = false, reason = "Homonymes : INS différents." }));
        await EventuallyAsync(async () => !(await PendingAsync(reader)).Any(r => Is(r, second, first)), "the reviewed duplicate leaves the list");

        Assert.Equal(HttpStatusCode.Accepted, reviewed.StatusCode);
        Assert.Equal("received", await StatusAsync(app, second));
    }

    [Fact]
    public async Task Review_OfADossierThatIsNoPossibleDuplicate_Is422()
    {
        var app = await shared.GetAsync(azurite);
        var (first, _) = await OpenAsync(app);
        var (second, _) = await OpenAsync(app);
        using var admin = app.Admin();

        using var response = await admin.PostAsync($"/api/dossiers/{second}/duplicates/{first}", Json(new { merge = true, reason = "Même personne." }));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("n'est pas un doublon possible", (await BodyAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_WithoutDecision_Is400NamingMerge()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var admin = app.Admin();

        using var response = await admin.PostAsync($"/api/dossiers/{id}/duplicates/D-OTHER", Json(new { reason = "?" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty("merge", out _));
    }

    [Fact(Timeout = 60_000)]
    public async Task Merge_IntoAnEndedDossier_Is422WithTheReason_AndTheRequestStaysInItsOpenDossier()
    {
        var app = await shared.GetAsync(azurite);
        var (ended, _) = await OpenAsync(app);
        var request = Request();
        var open = await OpenAsync(app, request, new PossibleDuplicate(ended, ["même nom, même date de naissance"]));
        using var admin = app.Admin();
        (await admin.PostAsync($"/api/dossiers/{ended}/withdraw", Json(new { reason = "Personne hébergée par sa famille." }))).Dispose();

        using var response = await admin.PostAsync($"/api/dossiers/{open}/duplicates/{ended}", Json(new { merge = true, reason = "Même personne." }));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.StartsWith($"Le dossier {ended} est clos (withdrawn) : un dossier terminé reste de l'historique", (await BodyAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("received", await StatusAsync(app, open));
        Assert.Equal([open], await OpenHoldersAsync(app, request, open, ended));
    }

    [Fact(Timeout = 60_000)]
    public async Task Merge_IntoADossierThatEndedMeanwhile_IsRefusedByIt_AndTheRequestStaysInExactlyOneOpenDossier()
    {
        var app = await shared.GetAsync(azurite);
        var (ended, _) = await OpenAsync(app);
        var request = Request();
        var open = await OpenAsync(app, request, new PossibleDuplicate(ended, ["même nom, même date de naissance"]));
        using var admin = app.Admin();
        (await admin.PostAsync($"/api/dossiers/{ended}/withdraw", Json(new { reason = "Personne hébergée par sa famille." }))).Dispose();

        // The review decided before the other dossier ended reaches this one after: as the API's check would have passed.
        var reviewed = await app.Runtime.RaiseEventAsync(open, DossierEventNames.DuplicateReviewed,
            JsonSerializer.SerializeToElement(new DuplicateReviewed(ended, true, "Même personne."), WorkflowJson.Options), "review-" + open);

        Assert.Equal(RaiseResult.Applied, reviewed.Result);
        var told = await DossierEventsQueue.ToldAsync(azurite, request.Prescriber.Id, request.ExternalRef, "received");
        Assert.StartsWith($"Fusion dans le dossier {ended} impossible", told.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal([open], await OpenHoldersAsync(app, request, open, ended));
        Assert.Equal(RuntimeStatus.Running, (await app.Runtime.GetStatusAsync(open))!.RuntimeStatus);
        using var prescriber = Prescriber(app, request);
        await EventuallyAsync(
            async () => (await BodyAsync(await prescriber.GetAsync($"/api/dossiers?externalRef={request.ExternalRef}"))).GetProperty("dossier") is var row
                && row.GetProperty("dossierId").GetString() == open && row.GetProperty("status").GetString() == "received",
            "the request's row shows its open dossier again");
    }

    [Fact(Timeout = 60_000)]
    public async Task Merge_IntoAnOpenDossier_HandsTheRequestOver_ThenTheSenderEndsAsMerged()
    {
        var app = await shared.GetAsync(azurite);
        var (survivor, _) = await OpenAsync(app);
        var request = Request();
        var merging = await OpenAsync(app, request, new PossibleDuplicate(survivor, ["même nom, même date de naissance"]));
        using var reader = As(app, Roles.SocialReader);
        using var prescriber = Prescriber(app, request);

        using var response = await reader.PostAsync($"/api/dossiers/{merging}/duplicates/{survivor}", Json(new { merge = true, reason = "Même personne, INS confirmé." }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await EventuallyAsync(async () => await StatusAsync(app, merging) == "merged", "the sender ends as merged once the survivor has its request");
        Assert.Equal([survivor], await OpenHoldersAsync(app, request, merging, survivor));
        await EventuallyAsync(
            async () => (await BodyAsync(await prescriber.GetAsync($"/api/dossiers?externalRef={request.ExternalRef}"))).GetProperty("dossier").GetProperty("dossierId").GetString() == survivor,
            "the request's row names the survivor");
    }

    /// <summary>The dossiers among <paramref name="ids"/> that are open and hold <paramref name="request"/>.</summary>
    private static async Task<List<string>> OpenHoldersAsync(GuichetApp app, Domain.Intake.DossierRequest request, params string[] ids)
    {
        var holders = new List<string>();
        foreach (var id in ids)
        {
            var status = (await app.Runtime.GetStatusAsync(id, withData: true))!;
            var dossier = status.State!.Value.Deserialize<Dossier>(WorkflowJson.Options)!;
            if (dossier.End is null && dossier.MergingInto is null && dossier.Requests.Any(r => r.Key == request.Key))
            {
                holders.Add(id);
            }
        }

        return holders;
    }

    private static bool Is(JsonElement row, string dossierId, string otherId) =>
        row.GetProperty("dossierId").GetString() == dossierId && row.GetProperty("otherDossierId").GetString() == otherId;

    private static Task<List<JsonElement>> PendingAsync(HttpClient client) => AllPagesAsync(client, "/api/dossiers/duplicates?top=1000");
}
