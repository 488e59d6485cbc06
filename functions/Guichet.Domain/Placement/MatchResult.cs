namespace Guichet.Domain.Placement;

/// <summary>
/// What the matching proposes for a free place: up to three compatible candidates in rank order, and why each dossier
/// ranked above the last of them was passed over, with the grid version and the instant of the ranking it read.
/// </summary>
/// <param name="GridVersion">The priority grid version of the ranking.</param>
/// <param name="RankedAt">The instant of the ranking.</param>
/// <param name="Candidates">The candidates, best rank first; fewer than asked when fewer are compatible.</param>
/// <param name="Skipped">Every dossier ranked above the last candidate and not proposed, best rank first, with why.</param>
public sealed record MatchResult(int GridVersion, DateTimeOffset RankedAt, IReadOnlyList<ProposedCandidate> Candidates, IReadOnlyList<SkippedDossier> Skipped)
{
    /// <summary>
    /// The skipped dossiers in short: the matching sends this (and the key of the full record it wrote) instead of
    /// <see cref="Skipped"/>, which may hold thousands; the vacancy keeps only this. Null: summarise <see cref="Skipped"/>.
    /// </summary>
    public SkippedSummary? Summary { get; init; }

    /// <summary>
    /// Every dossier read and passed over, counted by reason — those below the last candidate too when the list was read
    /// to its end: with no candidate, why none of the list fits the place.
    /// </summary>
    public SkippedSummary? PassedOver { get; init; }

    /// <summary>The summary the vacancy keeps: <see cref="Summary"/>, or <see cref="Skipped"/> counted.</summary>
    public SkippedSummary SummaryOrCounted() => Summary ?? SkippedSummary.Of(Skipped.Select(s => s.Reasons), null);
}

/// <summary>A dossier proposed for the place.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Rank">Its rank on the waiting list.</param>
/// <param name="Score">Its score.</param>
public sealed record ProposedCandidate(string DossierId, int Rank, int Score);

/// <summary>A dossier passed over, and why.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Rank">Its rank on the waiting list.</param>
/// <param name="Reasons">Every reason that applies, as codes.</param>
/// <param name="Explanation">The same reasons in French.</param>
public sealed record SkippedDossier(string DossierId, int Rank, IReadOnlyList<SkipReason> Reasons, string Explanation);
