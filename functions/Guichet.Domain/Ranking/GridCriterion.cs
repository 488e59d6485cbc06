namespace Guichet.Domain.Ranking;

/// <summary>One criterion of a grid section: when it applies, and the points it gives.</summary>
/// <param name="Code">Its stable code, shown in explanations ("street-or-squat", "severity-3").</param>
/// <param name="Kind">What it reads from the dossier.</param>
/// <param name="Points">The points it gives when it applies; zero or more.</param>
/// <param name="Threshold">The least value that counts, for severities, vulnerabilities and years.</param>
/// <param name="Housing">The housing situation that counts, for a <see cref="CriterionKind.Housing"/> criterion.</param>
public sealed record GridCriterion(string Code, CriterionKind Kind, int Points, int Threshold = 0, HousingSituation? Housing = null)
{
    /// <summary>Whether the criterion applies to <paramref name="input"/> on <paramref name="today"/>.</summary>
    public bool AppliesTo(RankingInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Kind switch
        {
            CriterionKind.MedicalSeverity => input.MedicalSeverity >= Threshold,
            CriterionKind.SocialVulnerability => input.SocialVulnerability >= Threshold,
            CriterionKind.Housing => input.Housing == Housing,
            CriterionKind.FollowedInRegionYears => input.YearsFollowedInRegion(today) >= Threshold,
            CriterionKind.WishedDepartmentIsAnchoring => input.WishedDepartments.Any(input.AnchoringDepartments.Contains),
            _ => false,
        };
    }
}
