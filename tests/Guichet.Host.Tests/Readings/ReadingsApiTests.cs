using System.Net;
using System.Text.Json;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Readings;

/// <summary>
/// The double reading over HTTP (DESIGN §3): each reader records its reading, both eligible send the dossier to the
/// commission; a rule that says no is a 422 with its French reason; the readings to do follow as they are recorded.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class ReadingsApiTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task BothReadingsEligible_SendTheDossierToTheCommission()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);
        using var social = As(app, Roles.SocialReader);

        using var first = await medical.PostAsync($"/api/dossiers/{id}/readings/medical", Json(EligibleMedical()));
        using var second = await social.PostAsync($"/api/dossiers/{id}/readings/social", Json(EligibleSocial()));
        var dossier = await BodyAsync(await social.GetAsync($"/api/dossiers/{id}"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("under-review", (await BodyAsync(first)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("awaiting-commission", (await BodyAsync(second)).GetProperty("status").GetString());
        Assert.Equal("awaiting-commission", dossier.GetProperty("status").GetString());
        Assert.Equal(3, dossier.GetProperty("readings").GetProperty("social").GetProperty("vulnerability").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, dossier.GetProperty("readings").GetProperty("completedAt").ValueKind);
    }

    /// <summary>
    /// A key is the caller's: another caller's event under the same key is applied, not taken for a retry. The
    /// retries come once the dossier has ended, where the decider no longer answers and the runtime reports them.
    /// </summary>
    [Fact]
    public async Task TheSameIdempotencyKey_FromThreeCallers_AppliesEach_WhileTheirRetriesAreDuplicates()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader, "Alice");
        using var social = As(app, Roles.SocialReader, "Bruno");
        using var prescriber = Prescriber(app, request);
        const string Key = "commande-1";

        async Task<string?> SendAsync(HttpClient caller, string path, object body)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{id}/{path}") { Content = Json(body) };
            message.Headers.Add("Idempotency-Key", Key);
            using var response = await caller.SendAsync(message);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await BodyAsync(response)).GetProperty("result").GetString();
        }

        var withdrawal = new { reason = "La personne a trouvé un hébergement." };
        Assert.Equal("Applied", await SendAsync(medical, "readings/medical", EligibleMedical()));
        Assert.Equal("Applied", await SendAsync(social, "readings/social", EligibleSocial()));
        Assert.Equal("awaiting-commission", await StatusAsync(app, id));
        Assert.Equal("Applied", await SendAsync(prescriber, "withdraw", withdrawal));
        Assert.Equal("withdrawn", await StatusAsync(app, id));
        Assert.Equal("Duplicate", await SendAsync(prescriber, "withdraw", withdrawal));
        Assert.Equal("Duplicate", await SendAsync(medical, "readings/medical", EligibleMedical()));
    }

    [Fact]
    public async Task IneligibleReading_WithoutOrientation_Is422WithTheFrenchReason_AndChangesNothing()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);

        using var response = await medical.PostAsync($"/api/dossiers/{id}/readings/medical", Json(new { verdict = "ineligible", severity = 2, reason = "Relève de soins hospitaliers." }));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "Une lecture médicale qui conclut à l'inéligibilité dit pourquoi et recommande une autre orientation.",
            (await BodyAsync(response)).GetProperty("detail").GetString());
        Assert.Equal("received", await StatusAsync(app, id));
    }

    [Theory]
    [InlineData("""{"severity": 2}""", "verdict")]
    [InlineData("""{"verdict": "eligible"}""", "severity")]
    [InlineData("""{"verdict": "perhaps", "severity": 2}""", "verdict")]
    [InlineData("""{"verdict": "eligible", "severity": 2, "needs": ["massage"]}""", "needs")]
    public async Task MalformedReading_Is400NamingTheField(string body, string field)
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);

        using var response = await medical.PostAsync($"/api/dossiers/{id}/readings/medical", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.Ordinal)), errors.ToString());
    }

    [Fact]
    public async Task ReadingOfAnUnknownDossier_Is404()
    {
        var app = await shared.GetAsync(azurite);
        using var social = As(app, Roles.SocialReader);

        using var response = await social.PostAsync("/api/dossiers/D-NOSUCHDOSSIER/readings/social", Json(EligibleSocial()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PendingReadings_FollowTheReadingsAsTheyAreRecorded()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);
        using var social = As(app, Roles.SocialReader);

        await EventuallyAsync(async () => (await PendingAsync(medical, "medical")).Any(r => Is(r, id)), "the medical reading is to do");
        await EventuallyAsync(async () => (await PendingAsync(social, "social")).Any(r => Is(r, id)), "the social reading is to do");
        var row = (await PendingAsync(social, "social")).Single(r => Is(r, id));
        (await medical.PostAsync($"/api/dossiers/{id}/readings/medical", Json(EligibleMedical()))).Dispose();
        await EventuallyAsync(async () => !(await PendingAsync(medical, "medical")).Any(r => Is(r, id)), "the medical reading leaves the list once recorded");

        Assert.Contains(await PendingAsync(social, "social"), r => Is(r, id));
        Assert.Equal(request.Prescriber.Name, row.GetProperty("prescriberName").GetString());
        Assert.Equal("ACT", row.GetProperty("device").GetString());
    }

    [Theory]
    [InlineData(Roles.SocialReader, "medical", HttpStatusCode.Forbidden)]
    [InlineData(Roles.MedicalReader, "social", HttpStatusCode.Forbidden)]
    [InlineData(Roles.ArsAdmin, "medical", HttpStatusCode.OK)]
    [InlineData(Roles.ArsAdmin, "social", HttpStatusCode.OK)]
    [InlineData(Roles.MedicalReader, "", HttpStatusCode.BadRequest)]
    [InlineData(Roles.MedicalReader, "financial", HttpStatusCode.BadRequest)]
    public async Task PendingReadings_OfAKind_AreForItsReadersAndTheArs(string role, string kind, HttpStatusCode expected)
    {
        var app = await shared.GetAsync(azurite);
        using var client = As(app, role);

        using var response = await client.GetAsync($"/api/readings/pending?kind={kind}");

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static bool Is(JsonElement row, string id) => row.GetProperty("dossierId").GetString() == id;

    private static Task<List<JsonElement>> PendingAsync(HttpClient client, string kind) => AllPagesAsync(client, $"/api/readings/pending?kind={kind}&top=1000");
}
