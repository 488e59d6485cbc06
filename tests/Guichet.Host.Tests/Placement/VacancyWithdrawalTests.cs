using System.Net;
using System.Net.Http.Json;
using Guichet.Domain.Stays;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// A structure withdraws a free place (its pending candidates go back to the list), and declares no more places than
/// its capacity less its ongoing stays and its open places, even when declared at once; a declaration retried after
/// midnight declares one place.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class VacancyWithdrawalTests(AzuriteFixture azurite)
{
    private const string FemmesSolidaires = "act-93-femmes-solidaires";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task AWithdrawnPlace_EndsCancelled_AndItsPendingCandidatesGoBackToTheList()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("D-1", 5);

        // A declaration is read strictly: a field it does not know is a 400 that declares nothing.
        using (var structure = host.Client(Roles.Structure, org: TraitDUnion, name: "Directrice"))
        using (var unknownField = await structure.PostAsJsonAsync($"/api/structures/{TraitDUnion}/vacancies", new { availableFrom = "2026-12-01", rooms = 2 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
            Assert.Contains("« rooms »", await unknownField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var list = await structure.GetAsync($"/api/structures/{TraitDUnion}/vacancies");
            Assert.Equal(0, (await ClockedApp.ReadAsync(list)).GetArrayLength());
        }

        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        await host.UntilStatusAsync("D-1", "proposed");

        using (var other = await WithdrawAsync(host, Passerelles, TraitDUnion, vacancy, new { reason = "Erreur de saisie." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using (var unmotivated = await WithdrawAsync(host, TraitDUnion, TraitDUnion, vacancy, new { reason = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unmotivated.StatusCode);
            Assert.Contains("pourquoi", await unmotivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unknownField = await WithdrawAsync(host, TraitDUnion, TraitDUnion, vacancy, new { reason = "Travaux.", urgent = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
            Assert.Contains("« urgent »", await unknownField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(("D-1", "pending"), (await host.CandidaciesAsync(TraitDUnion, vacancy))[0]);
        using (var withdrawn = await WithdrawAsync(host, TraitDUnion, TraitDUnion, vacancy, new { reason = "Dégât des eaux dans l'appartement." }))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        var view = await host.VacancyAsync(TraitDUnion, vacancy);
        Assert.Equal("cancelled", view.GetProperty("vacancy").GetProperty("status").GetString());
        Assert.Equal(("D-1", "withdrawn"), (await host.CandidaciesAsync(TraitDUnion, vacancy))[0]);
        await host.UntilStatusAsync("D-1", "waiting-list");

        using var unknown = await WithdrawAsync(host, TraitDUnion, TraitDUnion, "vacancy-nope", new { reason = "Erreur." });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact(Timeout = 300_000)]
    public async Task ADeclarationBeyondCapacityLessOngoingStaysAndOpenPlaces_IsRefused_AndARetryAfterMidnightDeclaresOnePlace()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await OngoingStaysAsync(host, FemmesSolidaires, 10);
        var first = await DeclareWithKeyAsync(host, "decl-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        await host.AdvanceToAsync(Now.AddDays(1), []);
        var retried = await DeclareWithKeyAsync(host, "decl-1");
        Assert.Equal((HttpStatusCode.OK, first.Id), (retried.Status, retried.Id));
        Assert.Equal(HttpStatusCode.Created, (await DeclareWithKeyAsync(host, "decl-2")).Status);

        await Eventually.HoldsAsync(async () => (await OpenPlacesAsync(host)) == 2, "both places on the structure's list");

        var full = await DeclareWithKeyAsync(host, "decl-3");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, full.Status);
        Assert.Contains("12 places autorisées : 10 séjour(s) en cours et 2 place(s) libre(s)", full.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task TenDeclarationsAtOnce_AtAStructureWithThreeFreePlaces_DeclareExactlyThree()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await OngoingStaysAsync(host, FemmesSolidaires, 9);

        var declared = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => DeclareWithKeyAsync(host, $"at-once-{i}")));

        Assert.Equal(3, declared.Count(d => d.Status == HttpStatusCode.Created));
        Assert.Equal(7, declared.Count(d => d.Status == HttpStatusCode.UnprocessableEntity));
        await Eventually.HoldsAsync(async () => (await OpenPlacesAsync(host)) == 3, "the three places on the structure's list");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await DeclareWithKeyAsync(host, "after")).Status);
        Assert.Equal(3, await OpenPlacesAsync(host));
    }

    private static async Task<int> OpenPlacesAsync(ClockedApp host)
    {
        using var structure = host.Client(Roles.Structure, org: FemmesSolidaires, name: "Directrice");
        using var list = await structure.GetAsync($"/api/structures/{FemmesSolidaires}/vacancies");
        return (await ClockedApp.ReadAsync(list)).GetArrayLength();
    }

    private static async Task<HttpResponseMessage> WithdrawAsync(ClockedApp host, string org, string structureId, string vacancyId, object body)
    {
        using var structure = host.Client(Roles.Structure, org: org, name: "Directrice");
        return await structure.PostAsJsonAsync($"/api/structures/{structureId}/vacancies/{vacancyId}/withdraw", body);
    }

    private static async Task<(HttpStatusCode Status, string? Id, string Body)> DeclareWithKeyAsync(ClockedApp host, string key)
    {
        using var structure = host.Client(Roles.Structure, org: FemmesSolidaires, name: "Directrice");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/structures/{FemmesSolidaires}/vacancies") { Content = JsonContent.Create(new { availableFrom = "2026-12-01" }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await structure.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var id = response.IsSuccessStatusCode ? (await ClockedApp.ReadAsync(response)).GetProperty("vacancy").GetProperty("vacancyId").GetString() : null;
        return (response.StatusCode, id, body);
    }

    /// <summary>Stay rows as the stay workflow projects them: ongoing ones count against the capacity, an exited one does not.</summary>
    private static async Task OngoingStaysAsync(ClockedApp host, string structureId, int ongoing)
    {
        foreach (var i in Enumerable.Range(0, ongoing + 1))
        {
            var status = i == ongoing ? "exited" : i % 2 == 0 ? "ongoing" : "past-planned-end";
            await ReadModelSeed.WriteAsync(host.Runtime, StayReadModels.Stays, structureId, $"stay-{i}", new { stayId = $"stay-{i}", structureId, status });
        }
    }
}
