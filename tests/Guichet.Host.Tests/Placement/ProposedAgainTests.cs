using System.Net;
using Guichet.Domain.Placement;
using Guichet.Host.Security;
using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// A proposal the dossier never took (it was pending elsewhere) does not keep it out of the place: once free, it is
/// proposed there again under a new candidacy id, which the routes reach; the old id is over.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class ProposedAgainTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task ADossierBusyElsewhere_IsProposedAgainOnceFree_UnderANewId_AndTheOldIdIsOver()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("D-1", 5);
        var first = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, first, 1);
        await host.UntilStatusAsync("D-1", "proposed");
        var second = await host.DeclareAsync(Passerelles);

        await ProposeAsync(host, second);
        await Eventually.HoldsAsync(async () => (await host.CandidaciesAsync(Passerelles, second)).SequenceEqual([("D-1", "withdrawn")]), "the proposal D-1 did not take withdrawn");
        using (var refused = await host.DecideAsync(TraitDUnion, $"{first}~D-1", new { decision = "refuse", code = "person-declined", justification = "La personne préfère attendre une place à Cergy." }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        await host.UntilStatusAsync("D-1", "waiting-list");
        await ProposeAsync(host, second);
        await host.UntilStatusAsync("D-1", "proposed");

        var candidacies = (await host.VacancyAsync(Passerelles, second)).GetProperty("candidacies").EnumerateArray()
            .Select(c => (c.GetProperty("candidacyId").GetString(), c.GetProperty("status").GetString())).ToList();
        Assert.Equal([($"{second}~D-1", "withdrawn"), ($"{second}~D-1~2", "pending")], candidacies);
        using (var old = await host.DecideAsync(Passerelles, $"{second}~D-1", new { decision = "admit", entryDate = "2026-12-01" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        }

        // The person is shown for the proposal that reached them, not for the one the dossier never took.
        using (var structure = host.Client(Roles.Structure, org: Passerelles, name: "Directrice"))
        using (var candidate = await structure.GetAsync($"/api/candidacies/{second}~D-1~2/candidate"))
        using (var undelivered = await structure.GetAsync($"/api/candidacies/{second}~D-1/candidate"))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (candidate.StatusCode, undelivered.StatusCode));
        }

        using var admitted = await host.DecideAsync(Passerelles, $"{second}~D-1~2", new { decision = "admit", entryDate = "2026-12-01" });
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal("admitted", (await ClockedApp.ReadAsync(admitted)).GetProperty("status").GetString());
        await host.UntilStatusAsync("D-1", "admitted");
    }

    /// <summary>Proposes D-1 for the place as the matching would (its top-up timer does not fire: the clock stands).</summary>
    private static async Task ProposeAsync(ClockedApp host, string vacancyId)
    {
        var match = new MatchResult(1, host.Clock.GetUtcNow(), [new ProposedCandidate("D-1", 1, 20)], []);
        var outcome = await host.Runtime.RaiseEventAsync(vacancyId, VacancyEventNames.CandidatesProposed, ClockedApp.Json(new CandidatesProposed(match)), Guid.NewGuid().ToString("N"));
        Assert.True(outcome.Result is RaiseResult.Applied, $"{outcome.Result} {outcome.Reason}");
    }
}
