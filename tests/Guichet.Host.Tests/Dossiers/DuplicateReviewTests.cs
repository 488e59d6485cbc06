using System.Net;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Host.Security;
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

    private static bool Is(JsonElement row, string dossierId, string otherId) =>
        row.GetProperty("dossierId").GetString() == dossierId && row.GetProperty("otherDossierId").GetString() == otherId;

    private static Task<List<JsonElement>> PendingAsync(HttpClient client) => AllPagesAsync(client, "/api/dossiers/duplicates?top=1000");
}
