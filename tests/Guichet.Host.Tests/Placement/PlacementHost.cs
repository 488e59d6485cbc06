using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Testing;

namespace Guichet.Host.Tests.Placement;

/// <summary>What the placement tests do on a <see cref="ClockedApp"/>: dossiers put on the list, places declared, answers sent.</summary>
internal static class PlacementHost
{
    public const string TraitDUnion = "act-92-trait-d-union";
    public const string Passerelles = "act-95-les-passerelles";

    /// <summary>A dossier read and declared admissible through its workflow: on its device's waiting list (ACT unless said).</summary>
    public static async Task<string> WaitingAsync(this ClockedApp host, string id, int severity, int daysAgo = 30, Domain.Device device = Domain.Device.Act)
    {
        await host.AwaitingAsync(id, device, severity: severity, daysAgo: daysAgo);
        await host.RaiseAsync(id, DossierEventNames.PutOnAgenda, new PutOnAgenda("S-" + id));
        await host.RaiseAsync(id, DossierEventNames.CommissionDecided, new CommissionDecided("S-" + id, CommissionVerdict.Admissible, null, null, null));
        return id;
    }

    /// <summary>Declares a place of <paramref name="structureId"/> as its own user does; the new vacancy's id.</summary>
    public static async Task<string> DeclareAsync(this ClockedApp host, string structureId, string availableFrom = "2026-12-01")
    {
        using var structure = host.Client(Guichet.Host.Security.Roles.Structure, org: structureId, name: "Directrice");
        using var response = await structure.PostAsJsonAsync($"/api/structures/{structureId}/vacancies", new { availableFrom });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var id = (await ClockedApp.ReadAsync(response)).GetProperty("vacancy").GetProperty("vacancyId").GetString()!;
        Assert.EndsWith($"/api/structures/{structureId}/vacancies/{id}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        return id;
    }

    /// <summary>The vacancy as an ARS administrator sees it (with its proposals).</summary>
    public static async Task<JsonElement> VacancyAsync(this ClockedApp host, string structureId, string vacancyId)
    {
        using var agency = host.Client(Guichet.Host.Security.Roles.ArsAdmin);
        using var response = await agency.GetAsync($"/api/structures/{structureId}/vacancies/{vacancyId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ClockedApp.ReadAsync(response);
    }

    /// <summary>The candidacies' dossiers and statuses, in the order proposed.</summary>
    public static async Task<List<(string Dossier, string Status)>> CandidaciesAsync(this ClockedApp host, string structureId, string vacancyId) =>
        [.. (await host.VacancyAsync(structureId, vacancyId)).GetProperty("candidacies").EnumerateArray()
            .Select(c => (c.GetProperty("dossierId").GetString()!, c.GetProperty("status").GetString()!))];

    /// <summary>Lets time pass a second at a time (the queue listener's back-off runs on the host's clock) until the vacancy has <paramref name="count"/> candidacies.</summary>
    public static Task UntilCandidaciesAsync(this ClockedApp host, string structureId, string vacancyId, int count) =>
        Eventually.AdvanceUntilAsync(host.Clock, TimeSpan.FromSeconds(1), async () => (await host.CandidaciesAsync(structureId, vacancyId)).Count == count, $"{count} candidacies for {vacancyId}", TimeSpan.FromSeconds(60));

    /// <summary>Until the dossier's status is <paramref name="status"/> (it hears of its candidacy after the vacancy's step).</summary>
    public static Task UntilStatusAsync(this ClockedApp host, string dossierId, string status) =>
        Eventually.HoldsAsync(async () => await host.StatusOfAsync(dossierId) == status, $"{dossierId} {status}");

    /// <summary>A structure's answer to a candidacy.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this ClockedApp host, string structureId, string candidacyId, object answer, string? idempotencyKey = null)
    {
        using var structure = host.Client(Guichet.Host.Security.Roles.Structure, org: structureId, name: "Directrice");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/candidacies/{candidacyId}/decision") { Content = JsonContent.Create(answer) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await structure.SendAsync(request);
    }
}
