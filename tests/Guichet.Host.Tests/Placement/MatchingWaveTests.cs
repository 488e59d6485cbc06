using Azure.Storage.Blobs.Specialized;
using Guichet.Domain.Placement;
using Guichet.Host.Placement;
using Guichet.Host.ReadModels;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// Places declared while the device's matching is busy are matched in one wave: the waiting list read and ranked once,
/// the earliest declared place served first, each place's candidates pending for the places after it (invariant 3).
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class MatchingWaveTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Structures = [TraitDUnion, Passerelles, "act-75-maison-chemin-vert", "act-91-horizon"];

    [Fact(Timeout = 180_000)]
    public async Task PlacesDeclaredWhileTheListIsBusy_AreMatchedInOneWave_EarliestFirst_NeverSharingADossier()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        foreach (var i in Enumerable.Range(0, 12))
        {
            await host.WaitingAsync($"W-{i:D2}", severity: 5, daysAgo: 100 - i);
        }

        // Another matching of ACT holds the lease while the four places are declared, a minute apart.
        var lease = await HoldActLeaseAsync(host);
        var places = new List<string>();
        foreach (var structure in Structures)
        {
            places.Add(await host.DeclareAsync(structure));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var vacancies = host.Runtime.ReadModel(PlacementReadModels.Vacancies);
        await Eventually.HoldsAsync(async () => (await vacancies.ReadAllAsync(null, CancellationToken.None)).Count(r => r.GetInt64("openSlots") == 3) == 4, "the four places listed, open");
        await lease.ReleaseAsync();

        foreach (var (place, structure) in places.Zip(Structures))
        {
            await host.UntilCandidaciesAsync(structure, place, 3);
        }

        var states = new List<Vacancy>();
        foreach (var place in places)
        {
            states.Add((await VacancyMatcher.LoadAsync(host.Runtime, place, CancellationToken.None))!);
        }

        // One wave: one event id, so one skipped-record key, for the four proposals.
        Assert.Single(states.Select(v => Assert.Single(v.Proposals).Match.Summary!.RecordKey).Distinct());
        Assert.Equal(
            [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]],
            states.Select(v => v.Candidacies.Select(c => c.Rank).Order().ToArray()).ToArray());
        Assert.Equal(12, states.SelectMany(v => v.Candidacies).Select(c => c.DossierId).Distinct().Count());
    }

    private static async Task<BlobLeaseClient> HoldActLeaseAsync(ClockedApp host)
    {
        var container = host.Runtime.Storage.Blobs.GetBlobContainerClient(host.Runtime.Options.HubName.ToLowerInvariant() + "-matching");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("act");
        if (!await blob.ExistsAsync())
        {
            await blob.UploadAsync(BinaryData.FromString(""), overwrite: false);
        }

        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        return lease;
    }
}
