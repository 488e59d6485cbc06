namespace Guichet.Domain.Disclosure;

/// <summary>
/// Statistical disclosure control (DESIGN §7): no count of fewer than <see cref="Threshold"/> people is shown, and
/// when a breakdown would mask a single cell, the smallest other cell is masked too, so that the masked one cannot be
/// rebuilt from the total.
/// </summary>
public static class SmallCells
{
    /// <summary>The smallest count shown.</summary>
    public const int Threshold = 11;

    /// <summary>Which cells of one breakdown are masked; a zero count is no one and is shown.</summary>
    public static bool[] Masked(IReadOnlyList<int> counts, int threshold = Threshold)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var masked = counts.Select(c => c > 0 && c < threshold).ToArray();
        if (masked.Count(m => m) == 1)
        {
            var smallest = Enumerable.Range(0, counts.Count)
                .Where(i => !masked[i] && counts[i] > 0)
                .OrderBy(i => counts[i])
                .DefaultIfEmpty(-1)
                .First();
            if (smallest >= 0)
            {
                masked[smallest] = true;
            }
        }

        return masked;
    }
}
