using Azure.Data.Tables;
using Guichet.Domain.Placement;
using Guichet.Host.Placement;
using Guichet.Runtime;
using Guichet.Testing;

namespace Guichet.Host.Tests.Placement;

/// <summary>The skipped record on Azurite: written in chunks and read back whole, and rows of a dossier each, written before chunks, still read.</summary>
[Collection(PlacementGroup.Name)]
public sealed class SkippedDossiersRecordTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task ARecordInChunks_AndOneOfADossierARow_AreBothReadBack_InRankOrder()
    {
        var options = new RuntimeOptions { HubName = UniqueNames.Hub() };
        var storage = azurite.Azurite.Clients();
        var skips = new SkippedDossiers(storage, options);
        var skipped = Enumerable.Range(1, 2_500).Select(r => new SkippedDossier($"D-{r:D5}", r, [SkipReason.PendingCandidacy, SkipReason.OutsideWishedDepartments], "")).ToArray();
        var match = new MatchResult(1, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), [new ProposedCandidate("D-09999", 2_501, 10)], skipped);

        await skips.WriteAsync("vacancy-new", "k1", match, CancellationToken.None);
        var table = storage.Tables.GetTableClient(options.HubName + SkippedDossiers.TableSuffix);
        foreach (var rank in new[] { 2, 1 })
        {
            await table.AddEntityAsync(new TableEntity("vacancy-old", $"k0~{rank:D7}") { ["dossierId"] = $"D-OLD-{rank}", ["rank"] = rank, ["reasons"] = "children-not-accepted" });
        }

        var read = await skips.ReadAsync("vacancy-new", "k1", CancellationToken.None);
        var old = await skips.ReadAsync("vacancy-old", "k0", CancellationToken.None);

        Assert.Equal(skipped.Select(s => (s.DossierId, s.Rank)), read.Select(s => (s.DossierId, s.Rank)));
        Assert.All(read, s => Assert.Equal([SkipReason.PendingCandidacy, SkipReason.OutsideWishedDepartments], s.Reasons));
        Assert.Equal([("D-OLD-1", 1, SkipReason.ChildrenNotAccepted), ("D-OLD-2", 2, SkipReason.ChildrenNotAccepted)], old.Select(s => (s.DossierId, s.Rank, Assert.Single(s.Reasons))));
    }
}
