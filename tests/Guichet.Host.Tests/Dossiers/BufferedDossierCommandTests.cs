using System.Net;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// A command buffered while the ARS has suspended the dossier answers 202 with the event's outcome as <c>Location</c>,
/// under the dossier's own rights: its sender learns a refusal on resumption; the reason stays with the medical roles.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class BufferedDossierCommandTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task ACommandBufferedThenRefused_ItsLocationSaysRefused_TheReasonToMedicalRolesOnly()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var prescriber = Prescriber(app, request);
        using var doctor = As(app, Roles.MedicalReader);
        using var stranger = Prescriber(app, Request());
        await app.Runtime.SuspendAsync(id, "contrôle");

        // No question is open: the answer will be refused once the dossier resumes.
        using var buffered = await prescriber.PostAsync($"/api/dossiers/{id}/information", Json(new { answer = "Il dort au 115." }));
        var location = buffered.Headers.Location!;
        using var waiting = await prescriber.GetAsync(location);
        await app.Runtime.ResumeAsync(id);
        using var refused = await prescriber.GetAsync(location);
        using var medical = await doctor.GetAsync(location);
        using var notTheirs = await stranger.GetAsync(location);
        using var unknown = await prescriber.GetAsync($"/api/dossiers/{id}/event-outcome?eventId=jamais");
        using var missing = await prescriber.GetAsync($"/api/dossiers/{id}/event-outcome");

        Assert.Equal(HttpStatusCode.Accepted, buffered.StatusCode);
        Assert.Equal("Buffered", (await BodyAsync(buffered)).GetProperty("result").GetString());
        Assert.StartsWith($"http://localhost/api/dossiers/{id}/event-outcome?eventId=", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("Buffered", (await BodyAsync(waiting)).GetProperty("result").GetString());
        var outcome = await BodyAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Refused", outcome.GetProperty("result").GetString());
        Assert.False(outcome.TryGetProperty("reason", out var hidden) && hidden.ValueKind != System.Text.Json.JsonValueKind.Null);
        var shown = await BodyAsync(medical);
        Assert.Equal("Refused", shown.GetProperty("result").GetString());
        Assert.False(string.IsNullOrWhiteSpace(shown.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
