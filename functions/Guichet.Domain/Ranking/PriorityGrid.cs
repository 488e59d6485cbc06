namespace Guichet.Domain.Ranking;

/// <summary>
/// A versioned priority grid (invariant 6): sections of overlapping criteria, where only the highest that applies
/// counts and sections add up, and seniority, which counts points per full 30 days since the first request up
/// to a cap. The ARS edits it through <c>/config/priority-grid</c>; a version once used never changes (the host
/// keeps that promise), and <see cref="GridValidation"/> says what a grid may not be.
/// </summary>
/// <param name="Version">Its version, 1 or more; each ranking records it.</param>
/// <param name="Sections">Its sections, in the order explanations list them.</param>
/// <param name="SeniorityPointsPer30Days">The points of seniority per full 30 days since the first request.</param>
/// <param name="SeniorityCap">The most seniority may give.</param>
public sealed record PriorityGrid(int Version, IReadOnlyList<GridSection> Sections, int SeniorityPointsPer30Days, int SeniorityCap)
{
    /// <summary>The code of the seniority line in explanations.</summary>
    public const string SenioritySection = "seniority";

    /// <summary>The code of the seniority criterion in explanations.</summary>
    public const string SeniorityCriterion = "full-30-day-periods";

    /// <summary>The default grid, version 1, exactly as DESIGN §3 states it.</summary>
    public static PriorityGrid Default { get; } = new(
        1,
        [
            new("medical-severity", "Gravité médicale", [.. Enumerable.Range(0, 6).Select(s => new GridCriterion($"severity-{s}", CriterionKind.MedicalSeverity, 4 * s, Threshold: s))]),
            new("social-vulnerability", "Vulnérabilité sociale", [.. Enumerable.Range(0, 6).Select(v => new GridCriterion($"vulnerability-{v}", CriterionKind.SocialVulnerability, 3 * v, Threshold: v))]),
            new("housing", "Situation de logement",
            [
                Housing(HousingSituation.StreetOrSquat, 10),
                Housing(HousingSituation.LeavingHospitalWithoutSolution, 9),
                Housing(HousingSituation.EmergencyShelter, 7),
                Housing(HousingSituation.HostedByThirdParties, 4),
                Housing(HousingSituation.PrecariousHousing, 3),
            ]),
            new("anchoring", "Ancrage territorial",
            [
                new("followed-3-years", CriterionKind.FollowedInRegionYears, 5, Threshold: 3),
                new("followed-1-year", CriterionKind.FollowedInRegionYears, 3, Threshold: 1),
                new("wished-department-is-anchoring", CriterionKind.WishedDepartmentIsAnchoring, 2),
            ]),
        ],
        SeniorityPointsPer30Days: 1,
        SeniorityCap: 12);

    private static GridCriterion Housing(HousingSituation situation, int points) =>
        new(WireName.Of(situation), CriterionKind.Housing, points, Housing: situation);
}
