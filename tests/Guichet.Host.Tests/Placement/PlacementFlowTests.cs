using System.Net;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// Placement on the real host (invariants 3, 4 and 5): a place declared, three candidates proposed in rank order by the
/// vacancy-matching trigger, the structure's answers (malformed, another structure's, refused, the same twice, admitted)
/// and the top-up; the 15-day clock time-skipped.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class PlacementFlowTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task APlace_GetsThreeCandidatesInRankOrder_ARefusalIsToppedUp_AndOneAdmissionFillsIt()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        foreach (var (id, severity) in new[] { ("D-1", 5), ("D-2", 4), ("D-3", 3), ("D-4", 2) })
        {
            await host.WaitingAsync(id, severity);
        }

        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 3);

        Assert.Equal([("D-1", "pending"), ("D-2", "pending"), ("D-3", "pending")], await host.CandidaciesAsync(TraitDUnion, vacancy));
        var proposal = (await host.VacancyAsync(TraitDUnion, vacancy)).GetProperty("proposals")[0].GetProperty("match");
        Assert.Equal(1, proposal.GetProperty("gridVersion").GetInt32());
        await host.UntilStatusAsync("D-1", "proposed");
        Assert.Equal("waiting-list", await host.StatusOfAsync("D-4"));

        // The structure sees its candidacies with fifteen days left; another structure may not answer them.
        using (var structure = host.Client(Roles.Structure, org: TraitDUnion))
        using (var list = await structure.GetAsync($"/api/structures/{TraitDUnion}/candidacies?status=pending"))
        {
            var rows = (await ClockedApp.ReadAsync(list)).EnumerateArray().ToList();
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal(15, r.GetProperty("daysLeft").GetInt32()));
        }

        using (var other = await host.DecideAsync("act-75-maison-chemin-vert", $"{vacancy}~D-1", new { decision = "admit", entryDate = "2026-12-01" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        // A refusal without justification is refused with the rule's reason, and changes nothing.
        using (var blank = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-1", new { decision = "refuse", code = "household-not-compatible", justification = "  " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
            Assert.Contains("motivé", (await ClockedApp.ReadAsync(blank)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("pending", (await host.CandidaciesAsync(TraitDUnion, vacancy))[0].Status);

        // A justified refusal, sent twice, is recorded once; the place is topped up with D-4 and D-1 is back on the list.
        var refusal = new { decision = "refuse", code = "household-not-compatible", justification = "Logement trop petit pour le couple." };
        for (var i = 0; i < 2; i++)
        {
            using var refused = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-1", refusal);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("refused", (await ClockedApp.ReadAsync(refused)).GetProperty("status").GetString());
        }

        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 4);
        Assert.Equal(("D-4", "pending"), (await host.CandidaciesAsync(TraitDUnion, vacancy))[3]);
        await host.UntilStatusAsync("D-1", "waiting-list");

        // D-2 admitted: the place is filled, the others end as "place filled by another candidate", D-2 leaves the list.
        using (var admitted = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-2", new { decision = "admit", entryDate = "2026-12-01" }))
        {
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        }

        using (var again = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-2", new { decision = "admit", entryDate = "2026-12-01" }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(
            [("D-1", "refused"), ("D-2", "admitted"), ("D-3", "place-filled-by-another-candidate"), ("D-4", "place-filled-by-another-candidate")],
            await host.CandidaciesAsync(TraitDUnion, vacancy));
        Assert.Equal("filled", (await host.VacancyAsync(TraitDUnion, vacancy)).GetProperty("vacancy").GetProperty("status").GetString());
        await host.UntilStatusAsync("D-2", "admitted");
        await host.UntilStatusAsync("D-3", "waiting-list");
        await host.UntilStatusAsync("D-4", "waiting-list");
    }

    [Fact(Timeout = 300_000)]
    public async Task AnUnansweredCandidacy_IsOverdueAtDayFifteen_ListedForTheArs_AndALateAnswerIsRecordedLate()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("D-LATE", 4);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        await host.UntilStatusAsync("D-LATE", "proposed");
        var candidacy = $"{vacancy}~D-LATE";

        using var agency = host.Client(Roles.ArsAdmin);
        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromHours(6),
            async () =>
            {
                using var overdue = await agency.GetAsync("/api/candidacies?status=overdue");
                return (await ClockedApp.ReadAsync(overdue)).EnumerateArray().Any(c => c.GetProperty("candidacyId").GetString() == candidacy);
            },
            "the candidacy overdue",
            TimeSpan.FromSeconds(90));

        var row = (await host.VacancyAsync(TraitDUnion, vacancy)).GetProperty("candidacies")[0];
        Assert.Equal(row.GetProperty("dueAt").GetDateTimeOffset(), row.GetProperty("overdueAt").GetDateTimeOffset());
        Assert.True(row.TryGetProperty("remindedAt", out var reminded) && reminded.ValueKind != System.Text.Json.JsonValueKind.Null, "reminded on day 10");
        await host.UntilStatusAsync("D-LATE", "waiting-list");

        using var late = await host.DecideAsync(TraitDUnion, candidacy, new { decision = "refuse", code = "person-unreachable", justification = "Injoignable malgré trois appels." });
        var answered = await ClockedApp.ReadAsync(late);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(("refused", true), (answered.GetProperty("status").GetString(), answered.GetProperty("late").GetBoolean()));
    }

    [Fact(Timeout = 300_000)]
    public async Task APlaceWithNoCompatibleCandidate_WaitsForCandidates_AndIsToppedUpWhenOneBecomesAdmissible()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("D-ACT-ONLY", 4);

        var vacancy = await host.DeclareAsync("lam-77-du-val");

        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromSeconds(1),
            () => Task.FromResult(host.App.Logs.Lines.Any(l => l.Message.Contains(vacancy, StringComparison.Ordinal) && l.Message.Contains("no compatible candidate", StringComparison.Ordinal))),
            "the matching ran");
        var view = await host.VacancyAsync("lam-77-du-val", vacancy);
        Assert.Equal(("awaiting-candidates", 0), (view.GetProperty("vacancy").GetProperty("status").GetString(), view.GetProperty("candidacies").GetArrayLength()));

        // A LAM dossier declared admissible later is proposed by the top-up timer, within a quarter of an hour.
        await host.WaitingAsync("D-LAM", 3, device: Domain.Device.Lam);
        await Eventually.AdvanceUntilAsync(
            host.Clock, TimeSpan.FromMinutes(1), async () => (await host.CandidaciesAsync("lam-77-du-val", vacancy)).Count == 1, "the top-up proposed D-LAM", TimeSpan.FromSeconds(60));
        Assert.Equal(("D-LAM", "pending"), (await host.CandidaciesAsync("lam-77-du-val", vacancy))[0]);
    }
    [Fact(Timeout = 300_000)]
    public async Task APersonAdmittedElsewhere_WhileProposedHere_EndsHere_NotAsARefusal()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("D-X", 4);
        var first = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, first, 1);
        using var agency = host.Client(Roles.ArsAdmin);
        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromHours(6),
            async () => (await host.CandidaciesAsync(TraitDUnion, first))[0].Status == "overdue",
            "overdue at the first place",
            TimeSpan.FromSeconds(90));
        await host.UntilStatusAsync("D-X", "waiting-list");
        var second = await host.DeclareAsync(Passerelles);
        await host.UntilCandidaciesAsync(Passerelles, second, 1);
        await host.UntilStatusAsync("D-X", "proposed");

        using (var late = await host.DecideAsync(TraitDUnion, $"{first}~D-X", new { decision = "admit", entryDate = "2026-12-10" }))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            Assert.True((await ClockedApp.ReadAsync(late)).GetProperty("late").GetBoolean());
        }

        await host.UntilStatusAsync("D-X", "admitted");
        await Eventually.HoldsAsync(async () => (await host.CandidaciesAsync(Passerelles, second))[0].Status == "admitted-elsewhere", "ended as admitted elsewhere");
    }

    [Fact(Timeout = 300_000)]
    public async Task TwoPlacesDeclaredAtOnce_NeverHoldTheSameDossier()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        foreach (var (id, severity) in new[] { ("D-1", 5), ("D-2", 4), ("D-3", 3) })
        {
            await host.WaitingAsync(id, severity);
        }

        var places = await Task.WhenAll(host.DeclareAsync(TraitDUnion), host.DeclareAsync(Passerelles));

        async Task<List<string>> PendingAsync() =>
            [.. (await host.CandidaciesAsync(TraitDUnion, places[0])).Concat(await host.CandidaciesAsync(Passerelles, places[1])).Where(c => c.Status == "pending").Select(c => c.Dossier)];
        await Eventually.AdvanceUntilAsync(host.Clock, TimeSpan.FromSeconds(1), async () => (await PendingAsync()).Count == 3, "three dossiers proposed", TimeSpan.FromSeconds(60));
        host.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["D-1", "D-2", "D-3"], (await PendingAsync()).Order(StringComparer.Ordinal));
        foreach (var id in new[] { "D-1", "D-2", "D-3" })
        {
            await host.UntilStatusAsync(id, "proposed");
        }
    }
}
