using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Host.ReadModels;
using Guichet.Testing;
using Xunit.Abstractions;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// Invariant 3 under concurrency, on two hosts of one task hub: places of one device declared at once on both while
/// the structures' answers are sent on both. Checked all along from each instance's own state (no place with more
/// than three pending, none admitting twice, no dossier holding two pending candidacies) and once all is settled
/// across them (each person admitted once and by one place, every candidate not retained back on the waiting list).
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class PlacementConcurrencyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Structures = [TraitDUnion, Passerelles, "act-75-maison-chemin-vert", "act-91-horizon"];
    private const int Dossiers = 12;
    private const int PlacesPerWave = 4;

    [Fact(Timeout = 180_000)]
    public async Task PlacesDeclaredAtOnceOnTwoHosts_WhileAnswersAreSent_NeverShareADossier_AndFillOncePerPlace()
    {
        await using var pair = PlacementPair.Start(azurite, Now);
        var dossiers = new List<string>();
        for (var i = 0; i < Dossiers; i++)
        {
            dossiers.Add(await pair.WaitingAsync($"R-{i:D2}", severity: 1 + i % 5, daysAgo: 10 + i));
        }

        var clock = Stopwatch.StartNew();
        var places = new List<string>(await DeclareWaveAsync(pair, 0));
        var secondWave = DeclareWaveAsync(pair, PlacesPerWave);
        var random = new Random(20261123);
        var (answers, lost, settled) = (0, 0, 0);
        while (settled < 10)
        {
            pair.Advance(TimeSpan.FromSeconds(1));
            if (secondWave.IsCompleted && places.Count == PlacesPerWave)
            {
                places.AddRange(await secondWave);
            }

            var states = await Task.WhenAll(places.Select(pair.VacancyAsync));
            await CheckEachStateAsync(pair, states, dossiers);
            var pending = states.Where(v => v.End is null).Select(v => (v, Pending: v.Candidacies.Where(c => c.IsPending).ToArray())).Where(p => p.Pending.Length > 0).ToArray();
            settled = pending.Length == 0 && places.Count == 2 * PlacesPerWave && await NoMatchingAskedAsync() ? settled + 1 : 0;

            // One answer per place with a pending candidacy, all sent at once, spread over both hosts.
            var sent = await Task.WhenAll(pending.Select((p, i) => AnswerAsync(pair.Host(i), p.v, p.Pending[random.Next(p.Pending.Length)], random.Next(3) == 0)));
            answers += sent.Length;
            lost += sent.Count(ok => !ok);
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        var final = await Task.WhenAll(places.Select(pair.VacancyAsync));
        var notTaken = final.SelectMany(v => v.Candidacies).Count(c => c.Status == CandidacyStatus.Withdrawn);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s from the first declaration; {places.Count} places, {answers} answers ({lost} on a candidacy ended meanwhile), {final.Count(v => v.Status == VacancyStatus.Filled)} filled, {notTaken} proposals not taken by their dossier");
        await CheckSettledAsync(pair, final, dossiers);
    }

    /// <summary>No top-up waits on the vacancy-matching queue (its count includes the messages being handled).</summary>
    private async Task<bool> NoMatchingAskedAsync() =>
        (await azurite.Azurite.Clients().Queues.GetQueueClient(MatchingRequested.Queue).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;

    /// <summary>Declares a wave of places at once, for the four ACT structures, spread over both hosts.</summary>
    private static Task<string[]> DeclareWaveAsync(PlacementPair pair, int first) =>
        Task.WhenAll(Enumerable.Range(first, PlacesPerWave).Select(i => pair.Host(i).DeclareAsync(Structures[i % Structures.Length])));

    /// <summary>Admits or refuses; false when the candidacy ended meanwhile (its dossier did not take it), which is refused with a reason.</summary>
    private static async Task<bool> AnswerAsync(ClockedApp host, Vacancy vacancy, Candidacy candidacy, bool admit)
    {
        object answer = admit
            ? new { decision = "admit", entryDate = "2026-12-01" }
            : new { decision = "refuse", code = "household-not-compatible", justification = "Logement trop petit." };
        using var response = await host.DecideAsync(vacancy.Place.StructureId, candidacy.Id, answer);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{candidacy.Id}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>What each instance's own state promises at every instant: three pending at most, one admission per place, one pending candidacy per dossier.</summary>
    private static async Task CheckEachStateAsync(PlacementPair pair, Vacancy[] states, List<string> dossiers)
    {
        foreach (var vacancy in states)
        {
            Assert.True(vacancy.Candidacies.Count(c => c.IsPending) <= Matching.CandidatesPerPlace, $"{vacancy.Id}: more than three pending");
            Assert.True(vacancy.Candidacies.Count(c => c.Status == CandidacyStatus.Admitted) <= 1, $"{vacancy.Id}: two admissions");
            Assert.Equal(vacancy.End?.FilledBy, vacancy.Candidacies.SingleOrDefault(c => c.Status == CandidacyStatus.Admitted)?.DossierId);
        }

        foreach (var dossier in await Task.WhenAll(dossiers.Select(pair.DossierAsync)))
        {
            Assert.True(dossier.Candidacies.Count(c => !c.Overdue) <= 1, $"{dossier.Id}: two pending candidacies");
        }
    }

    /// <summary>
    /// Once settled: no place holds a dossier pending; each admitted person was admitted by the one place that says so,
    /// which the dossier confirmed; every other dossier is back on the waiting list holding no candidacy, and the list's
    /// read model shows exactly those, none as proposed.
    /// </summary>
    private static async Task CheckSettledAsync(PlacementPair pair, Vacancy[] places, List<string> dossiers)
    {
        var admissions = places.Where(v => v.End?.FilledBy is not null).Select(v => (Dossier: v.End!.FilledBy!, Vacancy: v.Id)).ToList();
        Assert.NotEmpty(admissions);
        Assert.Equal(admissions.Count, admissions.Select(a => a.Dossier).Distinct().Count());
        Assert.All(places.SelectMany(v => v.Candidacies), c => Assert.False(c.IsPending, $"{c.Id} still pending once settled"));
        var admitted = admissions.ToDictionary(a => a.Dossier, a => a.Vacancy);

        // The dossiers hear of their candidacies' ends after the places' steps.
        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(dossiers.Select(pair.DossierAsync))).All(d => d.Status == (admitted.ContainsKey(d.Id) ? DossierStatus.Admitted : DossierStatus.WaitingList)),
            "every dossier admitted or back on the list");
        foreach (var dossier in await Task.WhenAll(dossiers.Select(pair.DossierAsync)))
        {
            if (admitted.TryGetValue(dossier.Id, out var vacancy))
            {
                Assert.Equal(vacancy, dossier.Admission?.VacancyId);
                Assert.True((await pair.VacancyAsync(vacancy)).End!.Confirmed, $"{vacancy}: admission of {dossier.Id} not confirmed");
            }
            else
            {
                Assert.Empty(dossier.Candidacies);
            }
        }

        var expected = dossiers.Where(d => !admitted.ContainsKey(d)).Order(StringComparer.Ordinal).ToList();
        var act = WireName.Of(Device.Act);
        await Eventually.HoldsAsync(
            async () =>
            {
                var rows = await pair.Runtime.ReadModel(DossierReadModels.WaitingList).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {act}"), CancellationToken.None);
                return rows.Select(r => r.GetString("dossierId")).Order(StringComparer.Ordinal).SequenceEqual(expected)
                    && rows.All(r => r.GetString("status") is null or "waiting-list");
            },
            "the waiting list's rows: every dossier not admitted, none proposed");
    }
}
