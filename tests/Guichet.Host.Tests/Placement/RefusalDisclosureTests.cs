using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// The refusals on the dossier view: the justification of a "not eligible" refusal speaks of health, so only medical
/// readers get it (the code and the structure stay); a prescriber sees only its own organisation's contests (here
/// the guichet's is not shown to it).
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class RefusalDisclosureTests(AzuriteFixture azurite)
{
    private const string Health = "Dialyse trois fois par semaine, hors de portée de la structure.";

    [Fact(Timeout = 300_000)]
    public async Task ANotEligibleJustification_IsForMedicalReaders_AndAPrescriberSeesNoOtherOrganisationsContest()
    {
        await using var host = ClockedApp.Start(azurite, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await host.WaitingAsync("D-1", 5);
        await host.WaitingAsync("D-2", 4);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 2);
        await DecideAsync(host, $"{vacancy}~D-1", new { decision = "refuse", code = "care-needs-not-met", justification = Health, recommendedOrientation = "LHSS" });
        await DecideAsync(host, $"{vacancy}~D-2", new { decision = "refuse", code = "household-not-compatible", justification = "Pas de place pour l'animal." });
        using var agency = host.Client(Roles.ArsAdmin);
        await RefusalAsync(agency, "D-2");
        using (var contested = await agency.PostAsJsonAsync($"/api/dossiers/D-2/refusals/{vacancy}~D-2/contest", new { reason = "Le guichet conteste." }))
        {
            Assert.True(contested.StatusCode == HttpStatusCode.Accepted, await contested.Content.ReadAsStringAsync());
        }

        await Eventually.HoldsAsync(async () => (await RefusalAsync(agency, "D-2")).TryGetProperty("contest", out var c) && c.ValueKind == JsonValueKind.Object, "the guichet's contest");
        using var prescriber = host.Client(Roles.Prescriber, org: "maraude-75");
        using var medical = host.Client(Roles.MedicalReader);

        var byPrescriber = await RefusalAsync(prescriber, "D-1");
        var byAgency = await RefusalAsync(agency, "D-1");
        var byMedical = await RefusalAsync(medical, "D-1");
        var practical = await RefusalAsync(prescriber, "D-2");

        Assert.Equal(("care-needs-not-met", TraitDUnion, null), (Text(byPrescriber, "code"), Text(byPrescriber, "structureId"), Text(byPrescriber, "justification")));
        Assert.Null(Text(byAgency, "justification"));
        Assert.Equal(Health, Text(byMedical, "justification"));
        Assert.DoesNotContain("Dialyse", byPrescriber.GetRawText() + byAgency.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Pas de place pour l'animal.", Text(practical, "justification"));
        Assert.False(practical.TryGetProperty("contest", out var hidden) && hidden.ValueKind == JsonValueKind.Object, "a prescriber sees no contest of another organisation");
    }

    private static async Task DecideAsync(ClockedApp host, string candidacyId, object answer)
    {
        using var response = await host.DecideAsync(TraitDUnion, candidacyId, answer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The dossier's single refusal as <paramref name="client"/> reads it, once the dossier heard of it.</summary>
    private static async Task<JsonElement> RefusalAsync(HttpClient client, string dossierId)
    {
        JsonElement refusal = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/dossiers/{dossierId}");
                var found = (await ClockedApp.ReadAsync(response)).TryGetProperty("refusals", out var refusals);
                refusal = found ? refusals[0].Clone() : default;
                return found;
            },
            $"the refusal kept by {dossierId}");
        return refusal;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
