using System.Net;
using System.Text.Json;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// The skipped record names other people's dossiers: a reason from a care need (here dialysis) would tell a named
/// dossier's medical need, so without <c>reader.medical</c> it is one generic reason; the commission may read the
/// record too (<c>GET /api/vacancies/{id}/proposals</c>), a structure not.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class SkipReasonDisclosureTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 300_000)]
    public async Task ACareNeedSkipReason_IsGenericWithoutReaderMedical_AndTheCommissionReadsTheRecord()
    {
        await using var host = ClockedApp.Start(azurite, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await host.AwaitingAsync("D-1", severity: 5, daysAgo: 30, needs: [CareNeed.NearDialysis]);
        await host.RaiseAsync("D-1", DossierEventNames.PutOnAgenda, new PutOnAgenda("S-D-1"));
        await host.RaiseAsync("D-1", DossierEventNames.CommissionDecided, new CommissionDecided("S-D-1", CommissionVerdict.Admissible, null, null, null));
        await host.WaitingAsync("D-2", 4);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        var route = $"/api/structures/{TraitDUnion}/vacancies/{vacancy}";

        var recordKey = (await GetAsync(host, [Roles.ArsAdmin], route)).GetProperty("proposals")[0].GetProperty("match").GetProperty("summary").GetProperty("recordKey").GetString();
        var skippedRoute = $"{route}/skipped/{recordKey}";
        var admin = Skipped(await GetAsync(host, [Roles.ArsAdmin], skippedRoute));
        var medicalAdmin = Skipped(await GetAsync(host, [Roles.ArsAdmin, Roles.MedicalReader], skippedRoute));
        var commission = Counted(await GetAsync(host, [Roles.Commission], $"/api/vacancies/{vacancy}/proposals"));
        var medicalCommission = Counted(await GetAsync(host, [Roles.Commission, Roles.MedicalReader], $"/api/vacancies/{vacancy}/proposals"));
        using var structure = host.App.ClientWith(GuichetApp.Token([Roles.Structure], TraitDUnion));
        using var refused = await structure.GetAsync($"/api/vacancies/{vacancy}/proposals");

        Assert.Equal(("D-1", "care-need-not-covered"), admin.Single());
        Assert.Equal(("care-need-not-covered", 1), commission.Single());
        Assert.Equal(("D-1", "not-near-dialysis"), medicalAdmin.Single());
        Assert.Equal(("not-near-dialysis", 1), medicalCommission.Single());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var explained = (await GetAsync(host, [Roles.ArsAdmin], skippedRoute)).GetRawText();
        Assert.DoesNotContain("dialyse", explained, StringComparison.Ordinal);
        Assert.Contains("Besoin de soins non couvert par la place.", explained, StringComparison.Ordinal);
    }

    private static List<(string, string)> Skipped(JsonElement skipped) =>
        [.. skipped.EnumerateArray().SelectMany(s => s.GetProperty("reasons").EnumerateArray().Select(r => (s.GetProperty("dossierId").GetString()!, r.GetString()!)))];

    private static List<(string, int)> Counted(JsonElement proposals) =>
        [.. proposals.EnumerateArray().SelectMany(p => p.GetProperty("match").GetProperty("summary").GetProperty("byReason").EnumerateArray())
            .Select(c => (c.GetProperty("reason").GetString()!, c.GetProperty("dossiers").GetInt32()))];

    private static async Task<JsonElement> GetAsync(ClockedApp host, string[] roles, string route)
    {
        using var client = host.App.ClientWith(GuichetApp.Token(roles, "ars-idf"));
        using var response = await client.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
