using System.Net;
using System.Text.Json;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// The record of the dossiers passed over, through the host: a place read past 5,000 incompatible dossiers still gets
/// its candidates (the skips once exceeded the event's 256 KiB and the place never got any), and each skipped dossier's
/// reasons can be read back; a place that finds nobody says why in its view.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class SkipRecordFlowTests(AzuriteFixture azurite)
{
    private const int Skips = 5_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task APlaceReadPastFiveThousandIncompatibleDossiers_GetsItsCandidates_AndEverySkipIsRecordedWithWhy()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        foreach (var id in new[] { "D-ALONE-1", "D-ALONE-2", "D-ALONE-3" })
        {
            await host.WaitingAsync(id, severity: 1, daysAgo: 5);
        }

        await WriteFamiliesAsync(host, Skips);

        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 3);

        Assert.Equal(["D-ALONE-1", "D-ALONE-2", "D-ALONE-3"], (await host.CandidaciesAsync(TraitDUnion, vacancy)).Select(c => c.Dossier).Order());
        var summary = (await host.VacancyAsync(TraitDUnion, vacancy)).GetProperty("proposals")[0].GetProperty("match").GetProperty("summary");
        Assert.Equal(Skips, summary.GetProperty("dossiers").GetInt32());
        var byReason = Assert.Single(summary.GetProperty("byReason").EnumerateArray());
        Assert.Equal(("children-not-accepted", Skips), (byReason.GetProperty("reason").GetString(), byReason.GetProperty("dossiers").GetInt32()));

        var path = $"/api/structures/{TraitDUnion}/vacancies/{vacancy}/skipped/{summary.GetProperty("recordKey").GetString()}";
        using (var agency = host.Client(Roles.ArsAdmin))
        using (var read = await agency.GetAsync(path))
        {
            var skipped = (await ClockedApp.ReadAsync(read)).EnumerateArray().ToList();
            Assert.Equal(Skips, skipped.Count);
            Assert.Equal("D-FAM-00000", skipped[0].GetProperty("dossierId").GetString());
            Assert.Equal("La place n'accueille pas d'enfant.", skipped[^1].GetProperty("explanation").GetString());
        }

        using var structure = host.Client(Roles.Structure, org: TraitDUnion);
        using var refused = await structure.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact(Timeout = 300_000)]
    public async Task AVacancyWithNoCompatibleCandidate_SaysInItsViewWhenItWasSearched_AndWhyNoneFit()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await WriteFamiliesAsync(host, 7);

        var vacancy = await host.DeclareAsync(TraitDUnion);

        JsonElement unmatched = default;
        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromSeconds(1),
            async () => (await host.VacancyAsync(TraitDUnion, vacancy)).TryGetProperty("unmatched", out unmatched) && unmatched.ValueKind == JsonValueKind.Object,
            "the search without a candidate recorded");
        Assert.Equal((1, 7), (unmatched.GetProperty("gridVersion").GetInt32(), unmatched.GetProperty("waiting").GetInt32()));
        var reason = Assert.Single(unmatched.GetProperty("passedOver").GetProperty("byReason").EnumerateArray());
        Assert.Equal(("children-not-accepted", 7), (reason.GetProperty("reason").GetString(), reason.GetProperty("dossiers").GetInt32()));
    }

    /// <summary>Waiting rows, each with a child (Le Trait d'Union takes none), ranked above the three alone: older, more severe.</summary>
    private static async Task WriteFamiliesAsync(ClockedApp host, int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => Family($"D-FAM-{i:D5}", i)).Select(r => ReadModelSeed.Entity(r.Device, r.DossierId, r));
        await ReadModelSeed.WriteManyAsync(host.Runtime, DossierReadModels.WaitingList, rows);
    }

    private static WaitingListRow Family(string id, int i)
    {
        var requested = Now.AddDays(-900 + i / 100);
        return new WaitingListRow(
            id, WireName.Of(Device.Act), requested, requested.AddDays(10), 5, 5, WireName.Of(HousingSituation.StreetOrSquat), null, "", "", null,
            WireName.Of(Sex.Female), 1980, "infectious", "", false, 1, false, WaitingRequest.ToRow([new WaitingRequest("hopital-y", "ref-" + id)]))
        { Status = WireName.Of(DossierStatus.WaitingList) };
    }

}
