using System.Net;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.ClockedApp;
using static Guichet.Host.Tests.WaitingRows;

namespace Guichet.Host.Tests.WaitingList;

/// <summary>
/// The ranked waiting list over HTTP (invariant 6 end to end): the order, the explanations, the ties, the
/// commission's overrides, what each role sees, and a prescriber's own view with the median wait of similar dossiers.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class WaitingListApiTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static List<JsonElement> Dossiers(JsonElement list) => [.. list.GetProperty("dossiers").EnumerateArray()];

    private static List<string?> Ids(JsonElement list) => [.. Dossiers(list).Select(d => d.GetProperty("dossierId").GetString())];

    [Fact(Timeout = 120_000)]
    public async Task Ranking_IsDeterministic_ExplainedToTheScore_TiesByRequestDateThenId()
    {
        await using var host = Start(azurite, Now);
        // Scores: E 20; A, B, C10 and C9 9 each (severity 2, one full 30-day period), A requested first, then B, then
        // C10 and C9 on the same day, where the ordinal id decides ("D-C10" < "D-C9").
        await WriteAsync(
            host.Runtime,
            Row("D-C9", Now, 31, severity: 2),
            Row("D-E", Now, 10, severity: 5),
            Row("D-C10", Now, 31, severity: 2),
            Row("D-B", Now, 38, severity: 2),
            Row("D-A", Now, 45, severity: 2));
        using var commission = host.Client(Roles.Commission);

        using var first = await commission.GetAsync("/api/waiting-list?device=ACT");
        using var second = await commission.GetAsync("/api/waiting-list?device=ACT");

        var list = await ReadAsync(first);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(("ACT", 1, 5, Now), (list.GetProperty("device").GetString(), list.GetProperty("gridVersion").GetInt32(), list.GetProperty("total").GetInt32(), list.GetProperty("rankedAt").GetDateTimeOffset()));
        Assert.Equal(["D-E", "D-A", "D-B", "D-C10", "D-C9"], Ids(list));
        Assert.Equal([1, 2, 3, 4, 5], Dossiers(list).Select(d => d.GetProperty("rank").GetInt32()));
        Assert.Equal([20, 9, 9, 9, 9], Dossiers(list).Select(d => d.GetProperty("score").GetInt32()));
        Assert.All(Dossiers(list), d => Assert.Equal(d.GetProperty("score").GetInt32(), d.GetProperty("explanation").EnumerateArray().Sum(l => l.GetProperty("points").GetInt32())));
        var seniority = Dossiers(list)[1].GetProperty("explanation").EnumerateArray().Single(l => l.GetProperty("section").GetString() == "seniority");
        Assert.Equal(("full-30-day-periods", "45 jours", 1), (seniority.GetProperty("criterion").GetString(), seniority.GetProperty("value").GetString(), seniority.GetProperty("points").GetInt32()));
        Assert.Equal(list.GetRawText(), (await ReadAsync(second)).GetRawText());
    }

    [Fact(Timeout = 120_000)]
    public async Task TheCommissionsOverrides_RankFirst_InTheGridsOrderAmongThemselves_WithTheirReason()
    {
        await using var host = Start(azurite, Now);
        await WriteAsync(
            host.Runtime,
            Row("D-HIGH", Now, 10, severity: 5),
            Row("D-LOW", Now, 10, severity: 1, priorityOverride: "Sortie d'hôpital sans solution."),
            Row("D-MID", Now, 10, severity: 3, priorityOverride: "Enfant à charge."));
        using var admin = host.Client(Roles.ArsAdmin);

        var list = await ReadAsync(await admin.GetAsync("/api/waiting-list?device=ACT"));

        Assert.Equal(["D-MID", "D-LOW", "D-HIGH"], Ids(list));
        Assert.Equal(["Enfant à charge.", "Sortie d'hôpital sans solution.", null], Dossiers(list).Select(d => d.GetProperty("priorityOverride").GetString()));
        Assert.Equal([12, 4, 20], Dossiers(list).Select(d => d.GetProperty("score").GetInt32()));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(Roles.Commission, true)]
    [InlineData(Roles.ArsAdmin, true)]
    [InlineData(Roles.MedicalReader, true)]
    [InlineData(Roles.SocialReader, false)]
    public async Task NoMedicalField_IsShown_AndOnlyRolesThatSeeTheCotationGetScores(string role, bool seesScores)
    {
        await using var host = Start(azurite, Now);
        await WriteAsync(host.Runtime, Row("D-1", Now, 10, severity: 4, pathologyGroups: "infectious,cancer"));
        using var client = host.Client(role);

        using var response = await client.GetAsync("/api/waiting-list?device=ACT");

        var text = await response.Content.ReadAsStringAsync();
        var entry = Assert.Single(Dossiers(JsonDocument.Parse(text).RootElement));
        Assert.Equal(
            ["admissibleAt", "confirmationDueAt", "dossierId", "explanation", "externalRefs", "firstRequestAt", "priorityOverride", "rank", "score", "similarWait"],
            entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("infectious", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cancer", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("psychiatric", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, entry.GetProperty("rank").GetInt32());
        Assert.Equal(seesScores ? JsonValueKind.Number : JsonValueKind.Null, entry.GetProperty("score").ValueKind);
        Assert.Equal(seesScores ? JsonValueKind.Array : JsonValueKind.Null, entry.GetProperty("explanation").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("similarWait").ValueKind);
    }

    [Fact(Timeout = 120_000)]
    public async Task APrescriber_SeesOnlyItsOwnDossiers_RankedAmongAll_WithTheMedianWaitOfSimilarOnes()
    {
        await using var host = Start(azurite, Now);
        // Ranked: P2 (32), then the band 10-19 by request date: O11, P1, O10 … O1 (12 each), then P3 (4).
        // P1's eleven similar dossiers waited 10, 20 … 110 days: a median of 60. P2 and P3 have none.
        await WriteAsync(
            host.Runtime,
            [
                Row("D-P1", Now, 20, severity: 3, prescriber: "maraude-x", waitedDays: 3),
                Row("D-P2", Now, 400, severity: 5, prescriber: "maraude-x", waitedDays: 7),
                // P3 was opened from the Samu social's request; the outreach team's own request was merged into it.
                Row("D-P3", Now, 3, severity: 1, prescriber: "samu-93") with
                {
                    Requests = WaitingRequest.ToRow([new WaitingRequest("samu-93", "ref-D-P3"), new WaitingRequest("maraude-x", "VT-merged")]),
                },
                .. Enumerable.Range(1, 11).Select(i => Row($"D-O{i}", Now, (2 * i) - 1, severity: 3, waitedDays: 10 * i)),
            ]);
        using var prescriber = host.Client(Roles.Prescriber, org: "maraude-x");
        using var stranger = host.Client(Roles.Prescriber, org: "hopital-z");
        using var commission = host.Client(Roles.Commission);

        var own = await ReadAsync(await prescriber.GetAsync("/api/waiting-list?device=ACT"));
        var none = await ReadAsync(await stranger.GetAsync("/api/waiting-list?device=ACT"));
        var all = await ReadAsync(await commission.GetAsync("/api/waiting-list?device=ACT"));

        Assert.Equal(["D-P2", "D-O11", "D-P1", .. Enumerable.Range(1, 10).Reverse().Select(i => $"D-O{i}"), "D-P3"], Ids(all));
        Assert.Equal(14, own.GetProperty("total").GetInt32());
        Assert.Equal(["D-P2", "D-P1", "D-P3"], Ids(own));
        Assert.Equal([1, 3, 14], Dossiers(own).Select(d => d.GetProperty("rank").GetInt32()));
        Assert.Equal([32, 12, 4], Dossiers(own).Select(d => d.GetProperty("score").GetInt32()));
        Assert.All(Dossiers(own), d => Assert.Equal(d.GetProperty("score").GetInt32(), d.GetProperty("explanation").EnumerateArray().Sum(l => l.GetProperty("points").GetInt32())));
        Assert.Equal([["ref-D-P2"], ["ref-D-P1"], ["VT-merged"]], Dossiers(own).Select(d => d.GetProperty("externalRefs").EnumerateArray().Select(r => r.GetString()).ToArray()));
        var waits = Dossiers(own).Select(d => d.GetProperty("similarWait")).ToList();
        Assert.Equal((10, 19, 60), (waits[1].GetProperty("scoreFrom").GetInt32(), waits[1].GetProperty("scoreTo").GetInt32(), waits[1].GetProperty("medianDays").GetInt32()));
        Assert.Equal(JsonValueKind.Null, waits[1].GetProperty("note").ValueKind);
        Assert.All([waits[0], waits[2]], w =>
        {
            Assert.Equal(JsonValueKind.Null, w.GetProperty("medianDays").ValueKind);
            Assert.StartsWith("Moins de 11 dossiers comparables", w.GetProperty("note").GetString(), StringComparison.Ordinal);
        });
        Assert.Empty(Dossiers(none));
        Assert.Equal(14, none.GetProperty("total").GetInt32());
    }

    [Fact(Timeout = 120_000)]
    public async Task WithoutADevice_Is400NamingTheParameter()
    {
        await using var host = Start(azurite, Now);
        using var commission = host.Client(Roles.Commission);

        using var missing = await commission.GetAsync("/api/waiting-list");
        using var unknown = await commission.GetAsync("/api/waiting-list?device=act");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await ReadAsync(missing)).GetProperty("errors").TryGetProperty("device", out _));
    }
}
