namespace Guichet.Domain.Ranking;

/// <summary>A dossier's place on the waiting list, and why.</summary>
/// <param name="Rank">Its rank, from 1.</param>
/// <param name="DossierId">The dossier.</param>
/// <param name="Score">Its score: the sum of its explanation's points.</param>
/// <param name="FirstRequestAt">Its request date, the first tie-break.</param>
/// <param name="Explanation">One line per section, seniority included, in the grid's order.</param>
public sealed record RankedDossier(int Rank, string DossierId, int Score, DateTimeOffset FirstRequestAt, IReadOnlyList<ExplanationLine> Explanation)
{
    /// <summary>The commission's reason for ranking it ahead of the grid's order, when it overrode it; null otherwise.</summary>
    public string? PriorityOverride { get; init; }
}
