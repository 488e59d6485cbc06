using System.Net;
using System.Text.Json;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// The instance API is the ARS administrators', not a medical role (DESIGN §7): a dossier's input and the payloads of
/// its history (identity, health data) go to a caller with <c>reader.medical</c> only; who did what and when stays visible.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class InstanceApiHealthDataTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact(Timeout = 60_000)]
    public async Task Administrator_GetsNoDossierInput_AndNoPayloadInItsHistory_AMedicalAdministratorDoes()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);
        (await medical.PostAsync($"/api/dossiers/{id}/readings/medical", Json(EligibleMedical(severity: 4)))).Dispose();
        using var admin = As(app, Roles.ArsAdmin);
        using var medicalAdmin = app.ClientWith(GuichetApp.Token([Roles.ArsAdmin, Roles.MedicalReader], org: "ars-idf", name: "Dr Admin"));

        using var input = await admin.GetAsync($"/api/instances/{id}?showInput=true");
        using var status = await admin.GetAsync($"/api/instances/{id}");
        var history = await admin.GetStringAsync($"/api/instances/{id}/history");
        using var medicalInput = await medicalAdmin.GetAsync($"/api/instances/{id}?showInput=true");
        var medicalHistory = await medicalAdmin.GetStringAsync($"/api/instances/{id}/history");

        Assert.Equal(HttpStatusCode.Forbidden, input.StatusCode);
        Assert.Contains("rôles médicaux", await input.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(status.IsSuccessStatusCode);
        var entries = JsonDocument.Parse(history).RootElement.EnumerateArray().ToList();
        Assert.True(entries.Count >= 2);
        Assert.All(entries, e => Assert.True(!e.TryGetProperty("payload", out var p) || p.ValueKind == JsonValueKind.Null));
        Assert.DoesNotContain(MedicalSummary, history, StringComparison.Ordinal);
        Assert.DoesNotContain("Diallo", history, StringComparison.Ordinal);
        Assert.True(medicalInput.IsSuccessStatusCode);
        Assert.Contains(MedicalSummary, await medicalInput.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("severity", medicalHistory, StringComparison.Ordinal);
    }
}
