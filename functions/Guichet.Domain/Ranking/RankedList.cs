namespace Guichet.Domain.Ranking;

/// <summary>A ranking of the waiting list, with the grid version and the instant it was computed for (invariant 6).</summary>
/// <param name="GridVersion">The version of the grid used.</param>
/// <param name="RankedAt">The instant seniority and anchoring were counted at.</param>
/// <param name="Dossiers">The dossiers, best first.</param>
public sealed record RankedList(int GridVersion, DateTimeOffset RankedAt, IReadOnlyList<RankedDossier> Dossiers);
