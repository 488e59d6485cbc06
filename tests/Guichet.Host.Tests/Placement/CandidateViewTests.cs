using System.Net;
using System.Text.Json;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// <c>GET /api/candidacies/{id}/candidate</c>: the structure a candidacy is proposed to sees whom, without the medical
/// part unless its token also carries <c>reader.medical</c>; another structure and a prescriber are refused; each read
/// is audited with its reader and whether the medical part was shown.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class CandidateViewTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 300_000)]
    public async Task TheStructureSeesItsCandidate_TheMedicalPartOnlyAsAMedicalReader_OthersAreRefused_AndEveryReadIsAudited()
    {
        await using var host = ClockedApp.Start(azurite, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await host.WaitingAsync("D-1", 5);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        var route = $"/api/candidacies/{vacancy}~D-1/candidate";
        using var structure = host.App.ClientWith(GuichetApp.Token([Roles.Structure], TraitDUnion, "Directrice"));
        using var medicalStructure = host.App.ClientWith(GuichetApp.Token([Roles.Structure, Roles.MedicalReader], TraitDUnion, "Médecin"));
        using var other = host.App.ClientWith(GuichetApp.Token([Roles.Structure], Passerelles, "Autre"));
        using var prescriber = host.App.ClientWith(GuichetApp.Token([Roles.Prescriber], "maraude-75", "Prescriptrice"));
        using var agency = host.App.ClientWith(GuichetApp.Token([Roles.ArsAdmin], "ars-idf", "Agence"));

        var plain = await ReadAsync(structure, route, HttpStatusCode.OK);
        var medical = await ReadAsync(medicalStructure, route, HttpStatusCode.OK);
        var byAgency = await ReadAsync(agency, route, HttpStatusCode.OK);
        await ReadAsync(other, route, HttpStatusCode.Forbidden);
        await ReadAsync(prescriber, route, HttpStatusCode.Forbidden);
        await ReadAsync(structure, $"/api/candidacies/{vacancy}~D-9/candidate", HttpStatusCode.NotFound);

        var request = plain.GetProperty("requests")[0];
        Assert.Equal("Nom-D-1", request.GetProperty("person").GetProperty("lastName").GetString());
        Assert.True(request.GetProperty("social").TryGetProperty("household", out _));
        Assert.True(request.TryGetProperty("wishes", out _));
        Assert.Equal("pending", plain.GetProperty("candidacyStatus").GetString());
        Assert.False(request.TryGetProperty("medical", out _));
        Assert.False(plain.GetProperty("readings").TryGetProperty("medical", out _));
        Assert.True(plain.GetProperty("readings").GetProperty("medicalRecorded").GetBoolean());
        Assert.False(plain.GetProperty("medicalShown").GetBoolean());
        Assert.False(byAgency.GetProperty("requests")[0].TryGetProperty("medical", out _));
        Assert.True(medical.GetProperty("medicalShown").GetBoolean());
        Assert.Equal("hiv", medical.GetProperty("requests")[0].GetProperty("medical").GetProperty("pathologies")[0].GetString());
        Assert.Equal(5, medical.GetProperty("readings").GetProperty("medical").GetProperty("severity").GetInt32());

        var reads = await AuditAsync(host, 4);
        Assert.Equal((200, "candidate", false), Line(reads, "Directrice"));
        Assert.Equal((200, "candidate", true), Line(reads, "Médecin"));
        Assert.Equal((200, "candidate", false), Line(reads, "Agence"));
        Assert.Equal(403, Line(reads, "Autre").Item1);
        Assert.StartsWith("nothing", Line(reads, "Autre").Item2, StringComparison.Ordinal);
        Assert.All(reads, l => Assert.Equal("D-1", l.Properties["DossierId"]));
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string route, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{route}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static (object?, string?, object?) Line(IReadOnlyList<CapturedLogs.LogLine> reads, string name)
    {
        var line = Assert.Single(reads, l => ((string?)l.Properties["Actor"])?.StartsWith(name, StringComparison.Ordinal) == true);
        return (line.Properties["StatusCode"], (string?)line.Properties["Disclosed"], line.Properties["MedicalShown"]);
    }

    /// <summary>The audit lines of the candidate route that carry a disclosure, once each is written (after its response).</summary>
    private static async Task<IReadOnlyList<CapturedLogs.LogLine>> AuditAsync(ClockedApp host, int count)
    {
        List<CapturedLogs.LogLine> Lines() =>
        [
            .. host.App.Logs.Lines.Where(l => l.Category == "Guichet.Audit"
                && Equals(l.Properties.GetValueOrDefault("Route"), "/api/candidacies/{candidacyId}/candidate")
                && l.Properties.ContainsKey("Disclosed")),
        ];
        await Eventually.HoldsAsync(() => Task.FromResult(Lines().Count >= count), "the candidate reads are audited", TimeSpan.FromSeconds(10));
        return Lines();
    }
}
