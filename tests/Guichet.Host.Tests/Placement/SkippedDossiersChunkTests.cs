using Guichet.Domain.Placement;
using Guichet.Host.Placement;

namespace Guichet.Host.Tests.Placement;

/// <summary>The skipped record's chunks: each within a string column's bound, read back as written, in rank order.</summary>
public sealed class SkippedDossiersChunkTests
{
    [Fact]
    public void ThousandsOfSkipsWithEveryReason_AreCutIntoChunksWithinBound_AndReadBackInRankOrder()
    {
        var reasons = Enum.GetValues<SkipReason>();
        var skipped = Enumerable.Range(1, 3_000)
            .Select(rank => new SkippedDossier($"D-{rank:D6}-{new string('x', rank % 40)}", rank, reasons.Where((_, i) => (rank >> i & 1) == 1 || i == rank % reasons.Length).ToArray(), ""))
            .ToList();

        var chunks = SkippedDossiers.Chunks(skipped).ToList();
        var read = chunks.SelectMany(SkippedDossiers.Lines).ToList();

        Assert.True(chunks.Count > 3, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, SkippedDossiers.ChunkChars));
        Assert.Equal(skipped.Select(s => (s.DossierId, s.Rank, string.Join(',', s.Reasons))), read.Select(s => (s.DossierId, s.Rank, string.Join(',', s.Reasons))));
        Assert.All(read, s => Assert.False(string.IsNullOrEmpty(s.Explanation)));
    }

    [Fact]
    public void NoSkip_WritesNoChunk()
    {
        Assert.Empty(SkippedDossiers.Chunks([]));
    }
}
