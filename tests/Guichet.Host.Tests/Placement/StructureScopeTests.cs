using System.Net;
using System.Net.Http.Json;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>A structure user reaches only its own structure's routes: another structure's candidacies and vacancies are 403, nothing declared for it.</summary>
[Collection(PlacementGroup.Name)]
public sealed class StructureScopeTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 300_000)]
    public async Task AnotherStructuresCandidaciesAndVacancies_Are403_AndNothingIsDeclaredForIt()
    {
        await using var host = ClockedApp.Start(azurite, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var theirs = await host.DeclareAsync(Passerelles);
        using var mine = host.Client(Roles.Structure, org: TraitDUnion);

        using var candidacies = await mine.GetAsync($"/api/structures/{Passerelles}/candidacies");
        using var vacancies = await mine.GetAsync($"/api/structures/{Passerelles}/vacancies");
        using var vacancy = await mine.GetAsync($"/api/structures/{Passerelles}/vacancies/{theirs}");
        using var declared = await mine.PostAsJsonAsync($"/api/structures/{Passerelles}/vacancies", new { availableFrom = "2026-12-01" });

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { candidacies.StatusCode, vacancies.StatusCode, vacancy.StatusCode, declared.StatusCode });
        Assert.DoesNotContain("\"status\":\"", await vacancy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var agency = host.Client(Roles.ArsAdmin);
        using var list = await agency.GetAsync($"/api/structures/{Passerelles}/vacancies");
        Assert.Equal([theirs], (await ClockedApp.ReadAsync(list)).EnumerateArray().Select(v => v.GetProperty("vacancyId").GetString()!));
    }
}
