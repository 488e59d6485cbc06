namespace Guichet.Domain.Ranking;

/// <summary>What the preview of a grid groups a dossier by; nothing here counts in the ranking.</summary>
/// <param name="Sex">The person's sex.</param>
/// <param name="BirthYear">The person's birth year.</param>
/// <param name="Department">The dossier's département: its first anchoring département, else its first wish; null when neither.</param>
/// <param name="PathologyGroups">The groups of the declared pathologies (the groups only: a waiting-list row holds no diagnosis).</param>
public sealed record DossierProfile(Sex Sex, int BirthYear, Department? Department, IReadOnlyList<PathologyGroup> PathologyGroups)
{
    /// <summary>The age band of the person in the year of <paramref name="now"/>.</summary>
    public AgeBand AgeBandAt(DateTimeOffset now) => (now.Year - BirthYear) switch
    {
        < 25 => AgeBand.Under25,
        < 40 => AgeBand.From25To39,
        < 55 => AgeBand.From40To54,
        < 65 => AgeBand.From55To64,
        _ => AgeBand.From65,
    };
}
