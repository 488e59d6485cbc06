using System.Net;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// Who sees what of a dossier (DESIGN §7): the medical part for medical readers only, a prescriber its own dossiers
/// and requests only, any other dossier answered exactly as a missing one; and every read audited with its reader.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class DossierVisibilityTests(AzuriteFixture azurite, SharedApp shared)
{
    private static readonly string[] MedicalFields = ["medical", "severity", "needs", "pathologies", "summary"];

    [Fact]
    public async Task MedicalReader_SeesTheMedicalPart_OfRequestsAndReading()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);
        (await medical.PostAsync($"/api/dossiers/{id}/readings/medical", Json(EligibleMedical(severity: 4)))).Dispose();

        using var response = await medical.GetAsync($"/api/dossiers/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dossier = await BodyAsync(response);
        Assert.Equal(MedicalSummary, dossier.GetProperty("requests")[0].GetProperty("medical").GetProperty("summary").GetString());
        Assert.Equal(4, dossier.GetProperty("readings").GetProperty("medical").GetProperty("severity").GetInt32());
        Assert.True(dossier.GetProperty("medicalShown").GetBoolean());
        Assert.Equal("under-review", dossier.GetProperty("status").GetString());
        Assert.Equal("ACT", dossier.GetProperty("device").GetString());
    }

    [Theory]
    [InlineData(Roles.SocialReader)]
    [InlineData(Roles.Commission)]
    [InlineData(Roles.ArsAdmin)]
    public async Task ReaderWithoutTheMedicalRole_GetsNoMedicalField_Anywhere(string role)
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);
        (await medical.PostAsync($"/api/dossiers/{id}/readings/medical", Json(EligibleMedical(severity: 5)))).Dispose();
        using var reader = As(app, role);

        using var response = await reader.GetAsync($"/api/dossiers/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var dossier = await BodyAsync(response);
        Assert.Empty(PropertyNames(dossier).Intersect(MedicalFields));
        Assert.DoesNotContain("VIH", text, StringComparison.Ordinal);
        Assert.True(dossier.GetProperty("readings").GetProperty("medicalRecorded").GetBoolean());
        Assert.False(dossier.GetProperty("medicalShown").GetBoolean());
        Assert.Equal("Diallo", dossier.GetProperty("requests")[0].GetProperty("person").GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task Prescriber_SeesItsOwnDossier_WithoutMedicalPartNorPossibleDuplicates()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var prescriber = Prescriber(app, request);

        using var response = await prescriber.GetAsync($"/api/dossiers/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dossier = await BodyAsync(response);
        Assert.Empty(PropertyNames(dossier).Intersect([.. MedicalFields, "possibleDuplicates"]));
        Assert.Equal(request.ExternalRef, Assert.Single(dossier.GetProperty("requests").EnumerateArray()).GetProperty("externalRef").GetString());
        Assert.Equal("received", dossier.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Prescriber_AskingForAnotherPrescribersDossier_Gets404_AsForAMissingOne()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        var missing = "D-" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
        using var other = Prescriber(app, Request());

        using var theirs = await other.GetAsync($"/api/dossiers/{id}");
        using var none = await other.GetAsync($"/api/dossiers/{missing}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var leaked = await BodyAsync(theirs);
        var absent = await BodyAsync(none);
        Assert.Equal($"Aucun dossier « {id} ».", leaked.GetProperty("detail").GetString());
        Assert.Equal($"Aucun dossier « {missing} ».", absent.GetProperty("detail").GetString());
        Assert.Equal(
            PropertyNames(absent).Order(),
            PropertyNames(leaked).Order());
        Assert.DoesNotContain("Diallo", await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceOfAnotherWorkflow_IsNoDossier()
    {
        var app = await shared.GetAsync(azurite);
        var id = "counter-" + Guid.NewGuid().ToString("N")[..12];
        await app.Runtime.StartAsync(Workflows.CounterWorkflow.TypeName, id);
        using var admin = app.Admin();

        using var response = await admin.GetAsync($"/api/dossiers/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EveryRead_IsAudited_WithItsReaderAndWhetherTheMedicalPartWasShown()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        var stranger = Request();
        using var medical = As(app, Roles.MedicalReader, name: "Mehdi");
        using var social = As(app, Roles.SocialReader, name: "Sonia");
        using var other = Prescriber(app, stranger);

        (await medical.GetAsync($"/api/dossiers/{id}")).Dispose();
        (await social.GetAsync($"/api/dossiers/{id}")).Dispose();
        (await other.GetAsync($"/api/dossiers/{id}")).Dispose();

        var reads = await AuditAsync(app, id, 3);
        var byMedical = Assert.Single(reads, l => Equals(l.Properties["Actor"], "Mehdi (dev:mehdi)"));
        var bySocial = Assert.Single(reads, l => Equals(l.Properties["Actor"], "Sonia (dev:sonia)"));
        var refused = Assert.Single(reads, l => Equals(l.Properties["Org"], stranger.Prescriber.Id));
        Assert.Equal((200, "dossier", true), (byMedical.Properties["StatusCode"], byMedical.Properties["Disclosed"], byMedical.Properties["MedicalShown"]));
        Assert.Equal((200, "dossier", false), (bySocial.Properties["StatusCode"], bySocial.Properties["Disclosed"], bySocial.Properties["MedicalShown"]));
        Assert.Equal(404, refused.Properties["StatusCode"]);
        Assert.StartsWith("nothing", (string?)refused.Properties["Disclosed"], StringComparison.Ordinal);
        Assert.Equal(Roles.Prescriber, refused.Properties["Roles"]);
        Assert.All(reads, l => Assert.Equal(id, l.Properties["DossierId"]));
    }

    /// <summary>The audit lines of the calls on the dossier's route, once each is written (after its response).</summary>
    private static async Task<IReadOnlyList<CapturedLogs.LogLine>> AuditAsync(GuichetApp app, string dossierId, int count)
    {
        List<CapturedLogs.LogLine> Lines() =>
        [
            .. app.Logs.Lines.Where(l => l.Category == "Guichet.Audit"
                && Equals(l.Properties.GetValueOrDefault("Route"), "/api/dossiers/{id}")
                && Equals(l.Properties.GetValueOrDefault("InstanceId"), dossierId)),
        ];
        await Eventually.HoldsAsync(() => Task.FromResult(Lines().Count >= count), "the dossier reads are audited", TimeSpan.FromSeconds(10));
        return Lines();
    }
}
