using System.Net;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// A structure's answer binds strictly: no <c>decision</c> never admits (Admit is the enum's first value), and an
/// unknown value or field is a 400 naming the field in French, the candidacy still pending.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class CandidacyDecisionBindingTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 300_000)]
    public async Task AnAnswerWithoutDecision_OrWithAnUnknownValueOrField_Is400NamingTheField_AndAdmitsNobody()
    {
        await using var host = ClockedApp.Start(azurite, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await host.WaitingAsync("D-1", 5);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        var candidacy = $"{vacancy}~D-1";

        var missing = await ProblemAsync(host, candidacy, new { entryDate = "2026-12-01" });
        var unknown = await ProblemAsync(host, candidacy, new { decision = "maybe", entryDate = "2026-12-01" });
        var wrongType = await ProblemAsync(host, candidacy, new { decision = 0, entryDate = "2026-12-01" });
        var extra = await ProblemAsync(host, candidacy, new { decision = "admit", entryDate = "2026-12-01", admitted = true });

        Assert.Contains("decision", missing.GetProperty("errors").GetProperty("decision")[0].GetString(), StringComparison.Ordinal);
        foreach (var (problem, field) in new[] { (unknown, "decision"), (wrongType, "decision"), (extra, "admitted") })
        {
            var text = problem.GetRawText();
            Assert.Contains($"« {field} »", text, StringComparison.Ordinal);
            Assert.DoesNotContain("JSON value", text, StringComparison.Ordinal);
            Assert.DoesNotContain("could not be", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Guichet.", text, StringComparison.Ordinal);
        }

        Assert.Equal([("D-1", "pending")], await host.CandidaciesAsync(TraitDUnion, vacancy));

        // The dossier takes its proposal asynchronously (read right away, it may still say waiting-list): proposed, never admitted.
        await host.UntilStatusAsync("D-1", "proposed");
    }

    private static async Task<System.Text.Json.JsonElement> ProblemAsync(ClockedApp host, string candidacyId, object answer)
    {
        using var response = await host.DecideAsync(TraitDUnion, candidacyId, answer);
        var problem = await ClockedApp.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {problem}");
        return problem;
    }
}
