namespace Guichet.Domain.Placement;

/// <summary>
/// What a vacancy keeps of the dossiers a matching passed over: how many, how many for each reason, and the key of the
/// full record (each dossier, its rank and its reason codes) kept outside the state, so that a list read far down past
/// thousands of incompatible dossiers never grows the event or the vacancy beyond their bounds.
/// </summary>
/// <param name="Dossiers">How many dossiers were passed over.</param>
/// <param name="ByReason">How many of them for each reason (a dossier counts once for each of its reasons), in the reasons' order.</param>
/// <param name="RecordKey">The key of the full record, when one was written; null when the skips travelled with the proposal.</param>
public sealed record SkippedSummary(int Dossiers, IReadOnlyList<SkipCount> ByReason, string? RecordKey)
{
    /// <summary>The summary of <paramref name="skipped"/>, recorded under <paramref name="recordKey"/>.</summary>
    public static SkippedSummary Of(IEnumerable<IReadOnlyList<SkipReason>> skipped, string? recordKey)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var counts = new int[Enum.GetValues<SkipReason>().Length];
        var dossiers = 0;
        foreach (var reasons in skipped)
        {
            dossiers++;
            foreach (var reason in reasons)
            {
                counts[(int)reason]++;
            }
        }

        return new(dossiers, [.. Enum.GetValues<SkipReason>().Where(r => counts[(int)r] > 0).Select(r => new SkipCount(r, counts[(int)r]))], recordKey);
    }
}

/// <summary>How many dossiers were passed over for one reason.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Dossiers">How many.</param>
public sealed record SkipCount(SkipReason Reason, int Dossiers);
