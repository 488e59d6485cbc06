using System.Net.Http.Json;
using Guichet.Host.Security;
using Guichet.Testing;

namespace Guichet.Host.Tests.EndToEnd;

/// <summary>What the end-to-end tests do over HTTP as the people of the guichet: a prescriber finds its request's dossier, a reader reads.</summary>
internal static class EndToEndSteps
{
    /// <summary>The prescriber's client, as the end-to-end tests name it.</summary>
    public static HttpClient Prescriber(ClockedApp host, string prescriberId) => host.Client(Roles.Prescriber, org: prescriberId, name: "Paula");

    /// <summary>The dossier holding a request, as its prescriber finds it by its reference once the read model has it.</summary>
    public static async Task<string> DossierOfAsync(ClockedApp host, string prescriberId, string externalRef)
    {
        using var prescriber = Prescriber(host, prescriberId);
        string? dossierId = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await prescriber.GetAsync($"/api/dossiers?externalRef={externalRef}");
                dossierId = response.IsSuccessStatusCode && (await ClockedApp.ReadAsync(response)).TryGetProperty("dossier", out var dossier)
                    ? dossier.GetProperty("dossierId").GetString() : null;
                return dossierId is not null;
            },
            $"{externalRef} found in a dossier");
        return dossierId!;
    }

    /// <summary>A medical or social reading, which the dossier applies.</summary>
    public static async Task ReadAsync(HttpClient reader, string dossierId, string kind, object reading)
    {
        using var response = await reader.PostAsJsonAsync($"/api/dossiers/{dossierId}/readings/{kind}", reading);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && body.Contains("\"result\":\"Applied\"", StringComparison.Ordinal), $"{kind} reading of {dossierId}: {response.StatusCode} {body}");
    }
}
