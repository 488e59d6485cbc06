using Guichet.Domain.Disclosure;
using Guichet.Domain.Ranking;

namespace Guichet.Host.WaitingList;

/// <summary>Computes <see cref="SimilarWait"/> from a ranked waiting list.</summary>
internal static class SimilarWaits
{
    /// <summary>The fewest similar dossiers a median is given for: the observatory's small-cell threshold (DESIGN §7).</summary>
    public const int MinimumSimilar = SmallCells.Threshold;

    /// <summary>The width of a score band.</summary>
    public const int BandWidth = 10;

    /// <summary>The note given instead of a median over too few dossiers.</summary>
    public const string TooFew = "Moins de 11 dossiers comparables (même dispositif, même tranche de 10 points) : le délai médian n'est pas communiqué, pour que personne ne soit identifiable.";

    /// <summary>The median wait of the dossiers of <paramref name="ranked"/> in the band of <paramref name="dossier"/>, itself left out.</summary>
    public static SimilarWait Of(RankedDossier dossier, IReadOnlyList<RankedDossier> ranked, IReadOnlyDictionary<string, WaitingEntry> entries)
    {
        var from = dossier.Score / BandWidth * BandWidth;
        var to = from + BandWidth - 1;
        var waits = ranked
            .Where(d => d.DossierId != dossier.DossierId && d.Score >= from && d.Score <= to)
            .Select(d => entries[d.DossierId].WaitToAdmissible.TotalDays)
            .Order()
            .ToArray();
        if (waits.Length < MinimumSimilar)
        {
            return new(from, to, null, TooFew);
        }

        var middle = waits.Length / 2;
        var median = waits.Length % 2 == 1 ? waits[middle] : (waits[middle - 1] + waits[middle]) / 2;
        return new(from, to, (int)Math.Round(median, MidpointRounding.AwayFromZero), null);
    }
}
