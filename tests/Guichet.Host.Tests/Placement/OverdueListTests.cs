using System.Net;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// The ARS's overdue list and the observatory's count (invariant 5): a candidacy that went overdue stays on the list
/// once answered late, with its late answer, and is counted over the period its deadline fell in; time skipped.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class OverdueListTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task ACandidacyAnsweredLate_StaysOnTheOverdueList_AndIsCountedOverItsPeriod()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("D-SILENT", 5);
        await host.WaitingAsync("D-LATE", 4);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 2);
        await host.UntilStatusAsync("D-LATE", "proposed");
        using var agency = host.Client(Roles.ArsAdmin);
        await Eventually.AdvanceUntilAsync(
            host.Clock, TimeSpan.FromHours(6), async () => (await ListAsync(agency, "")).Count == 2, "both candidacies overdue", TimeSpan.FromSeconds(90));

        using (var late = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-LATE", new { decision = "refuse", code = "person-unreachable", justification = "Injoignable malgré trois appels." }))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        // The read model follows the vacancy's step.
        await Eventually.HoldsAsync(async () => (await ListAsync(agency, "")).Any(c => c.Late), "the late answer projected");
        Assert.Equal([(vacancy + "~D-LATE", "refused", true), (vacancy + "~D-SILENT", "overdue", false)], await ListAsync(agency, ""));
        Assert.Equal([(vacancy + "~D-LATE", "refused", true)], await ListAsync(agency, "&answered=true"));
        Assert.Equal([(vacancy + "~D-SILENT", "overdue", false)], await ListAsync(agency, "&answered=false"));
        Assert.Equal(2, (await ListAsync(agency, "&from=2026-12-08&to=2026-12-09")).Count);
        Assert.Empty(await ListAsync(agency, "&from=2026-12-09"));
        Assert.Equal(2, await CountAsync(agency, "from=2026-12-01&to=2027-01-01"));
        Assert.Equal(0, await CountAsync(agency, "from=2026-11-01&to=2026-12-01"));
        Assert.Equal(2, await CountAsync(agency, ""));

        // A raw count of two over bounds the caller picks: not for the observatory's users until it masks small cells.
        using var observatory = host.Client(Roles.Observatory);
        using var refused = await observatory.GetAsync("/api/candidacies?status=overdue");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var count = await observatory.GetAsync("/api/candidacies/overdue/count");
        Assert.Equal(HttpStatusCode.Forbidden, count.StatusCode);
    }

    [Fact(Timeout = 300_000)]
    public async Task AnUnreadablePeriod_IsA400NamingTheField()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        using var agency = host.Client(Roles.ArsAdmin);

        foreach (var (query, field) in new[]
        {
            ("/api/candidacies/overdue/count?from=hier", "from"),
            ("/api/candidacies/overdue/count?from=2026-12-02&to=2026-12-01", "to"),
            ("/api/candidacies?status=refused&from=2026-12-01", "from"),
        })
        {
            using var response = await agency.GetAsync(query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await ClockedApp.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    private static async Task<List<(string Id, string Status, bool Late)>> ListAsync(HttpClient agency, string query)
    {
        using var response = await agency.GetAsync("/api/candidacies?status=overdue" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ClockedApp.ReadAsync(response)).EnumerateArray()
            .Select(c => (c.GetProperty("candidacyId").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("late").GetBoolean()))];
    }

    private static async Task<int> CountAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/candidacies/overdue/count?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ClockedApp.ReadAsync(response)).GetProperty("count").GetInt32();
    }
}
