using System.Net;
using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// An answer sent again once its place has completed (filled and confirmed): the very same answer is answered as the
/// first (200), any other — a different justification, code or entry date — is a conflict (409) and changes nothing.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class CompletedVacancyAnswerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task AnAnswerResentAfterCompletion_IsTheSameOnlyIfEveryFieldIs()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("D-A", 5);
        await host.WaitingAsync("D-B", 4);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 2);
        await host.UntilStatusAsync("D-B", "proposed");
        var refusal = new { decision = "refuse", code = "person-declined", justification = "La personne préfère rester à Paris." };
        using (var refused = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-A", refusal))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var admission = new { decision = "admit", entryDate = "2026-12-01" };
        using (var admitted = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-B", admission))
        {
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        }

        await Eventually.HoldsAsync(async () => (await host.Runtime.GetStatusAsync(vacancy))?.RuntimeStatus == RuntimeStatus.Completed, "the vacancy completed");

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(host, $"{vacancy}~D-A", refusal));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(host, $"{vacancy}~D-B", admission));
        Assert.Equal(HttpStatusCode.Conflict, await StatusOfAsync(host, $"{vacancy}~D-A", refusal with { justification = "Autre motif : la personne a trouvé un logement." }));
        Assert.Equal(HttpStatusCode.Conflict, await StatusOfAsync(host, $"{vacancy}~D-A", refusal with { code = "person-unreachable" }));
        Assert.Equal(HttpStatusCode.Conflict, await StatusOfAsync(host, $"{vacancy}~D-B", new { decision = "admit", entryDate = "2026-12-01", justification = "Entrée confirmée." }));
        Assert.Equal(HttpStatusCode.Conflict, await StatusOfAsync(host, $"{vacancy}~D-B", admission with { entryDate = "2026-12-02" }));
        var rows = (await host.VacancyAsync(TraitDUnion, vacancy)).GetProperty("candidacies");
        Assert.Equal("La personne préfère rester à Paris.", rows[0].GetProperty("justification").GetString());
    }

    private static async Task<HttpStatusCode> StatusOfAsync(ClockedApp host, string candidacyId, object answer)
    {
        using var response = await host.DecideAsync(TraitDUnion, candidacyId, answer);
        return response.StatusCode;
    }
}
