namespace Guichet.Domain.Placement;

/// <summary>
/// Put on <see cref="Queue"/> when a vacancy has more open slots than before (declared, or a candidacy ended without
/// an admission): whoever reads the waiting list runs <see cref="Matching.Propose"/> and raises "candidates-proposed".
/// </summary>
/// <param name="VacancyId">The vacancy.</param>
/// <param name="Place">The place.</param>
/// <param name="Slots">How many candidates it may take now.</param>
/// <param name="ProposedHere">The dossiers already proposed for it, not to propose again.</param>
public sealed record MatchingRequested(string VacancyId, FreePlace Place, int Slots, IReadOnlyList<string> ProposedHere)
{
    /// <summary>The outbound queue.</summary>
    public const string Queue = "vacancy-matching";
}
