using System.Net;
using System.Text.Json;
using Guichet.Domain;
using Guichet.Host.Intake;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// A prescriber finds what became of its request by its externalRef: the dossier that holds it, or the rejection of
/// its message with the reasons (invariant 8: visible to the prescriber), or 404; never another organisation's.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class RequestLookupTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task OwnRequest_IsFound_WithItsDossierAndStatus()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var prescriber = Prescriber(app, request);

        JsonElement found = default;
        await EventuallyAsync(
            async () =>
            {
                using var response = await prescriber.GetAsync($"/api/dossiers?externalRef={request.ExternalRef}");
                found = response.StatusCode == HttpStatusCode.OK ? await BodyAsync(response) : default;
                return response.StatusCode == HttpStatusCode.OK;
            },
            "the request's row is projected");

        var dossier = found.GetProperty("dossier");
        Assert.Equal(id, dossier.GetProperty("dossierId").GetString());
        Assert.Equal("received", dossier.GetProperty("status").GetString());
        Assert.Equal("ACT", dossier.GetProperty("device").GetString());
        Assert.False(found.TryGetProperty("rejection", out _));
    }

    [Fact]
    public async Task RejectedRequest_IsFound_WithTheReasonsOfItsLatestRejection()
    {
        var app = await shared.GetAsync(azurite);
        var request = Request();
        await RejectAsync(app, request, new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero), "$.device", "Le dispositif est obligatoire.");
        await RejectAsync(app, request, new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), "$.person.birthDate", "La date de naissance est obligatoire.");
        using var prescriber = Prescriber(app, request);

        using var response = await prescriber.GetAsync($"/api/dossiers?externalRef={request.ExternalRef}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = await BodyAsync(response);
        Assert.False(found.TryGetProperty("dossier", out _));
        var rejection = found.GetProperty("rejection");
        var reason = Assert.Single(rejection.GetProperty("reasons").EnumerateArray());
        Assert.Equal("$.person.birthDate", reason.GetProperty("path").GetString());
        Assert.Equal("La date de naissance est obligatoire.", reason.GetProperty("message").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), rejection.GetProperty("receivedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task UnknownRequest_OrAnotherOrganisations_Is404()
    {
        var app = await shared.GetAsync(azurite);
        var (_, theirs) = await OpenAsync(app);
        using var other = Prescriber(app, Request());

        using var unknown = await other.GetAsync("/api/dossiers?externalRef=VT-nothing-here");
        using var notOurs = await other.GetAsync($"/api/dossiers?externalRef={theirs.ExternalRef}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notOurs.StatusCode);
        Assert.DoesNotContain("D-", await notOurs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task MissingOrInvalidExternalRef_Is400NamingIt(string externalRef)
    {
        var app = await shared.GetAsync(azurite);
        using var prescriber = Prescriber(app, Request());

        using var response = await prescriber.GetAsync($"/api/dossiers?externalRef={Uri.EscapeDataString(externalRef)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty("externalRef", out _));
    }

    [Fact]
    public void ARejectionLookup_IsOneKeyRangeOfThePrescribersPartition_NotAScanOfItsRejections()
    {
        var filter = IntakeRejections.FilterOf("maraude-x", "VT/2026#12");

        Assert.DoesNotContain("ExternalRef", filter, StringComparison.Ordinal);
        Assert.Matches("^PartitionKey eq 'maraude-x' and RowKey gt '[0-9a-f]{32}\\|' and RowKey lt '[0-9a-f]{32}}'$", filter);
    }

    /// <summary>Records a rejection of the request's message as intake does.</summary>
    private static async Task RejectAsync(GuichetApp app, Domain.Intake.DossierRequest request, DateTimeOffset receivedAt, string path, string message)
    {
        var rejection = new IntakeRejection(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), request.Prescriber.Id, request.ExternalRef, [new Violation(path, message)], receivedAt, "{}");
        Assert.True(await app.Services.GetRequiredService<IntakeRejections>().RecordAsync(rejection, CancellationToken.None));
    }
}
