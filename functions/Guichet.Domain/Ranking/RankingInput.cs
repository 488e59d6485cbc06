using System.Text.Json.Serialization;

namespace Guichet.Domain.Ranking;

/// <summary>What a waiting dossier brings to the ranking.</summary>
/// <param name="DossierId">The dossier's id: the last tie-break, compared ordinally.</param>
/// <param name="FirstRequestAt">The date of the first request; a merged request keeps the earliest (invariant 1).</param>
/// <param name="MedicalSeverity">Severity from the medical reading, 0 to 5.</param>
/// <param name="SocialVulnerability">Vulnerability from the social reading, 0 to 5.</param>
/// <param name="Housing">The housing situation.</param>
/// <param name="FollowedInRegionSince">Since when the person is followed in the region, or null when unknown.</param>
/// <param name="AnchoringDepartments">The départements where the person is followed.</param>
/// <param name="WishedDepartments">The départements where the person wishes to live.</param>
public sealed record RankingInput(
    string DossierId,
    DateTimeOffset FirstRequestAt,
    int MedicalSeverity,
    int SocialVulnerability,
    HousingSituation Housing,
    DateOnly? FollowedInRegionSince,
    IReadOnlyList<Department> AnchoringDepartments,
    IReadOnlyList<Department> WishedDepartments)
{
    /// <summary>
    /// The commission's reason to rank the dossier ahead of the grid's order (invariant 6: an override states why),
    /// or null. Overridden dossiers come before all others, ordered among themselves as the grid orders any dossier;
    /// the reason changes no points, so the explanation still sums to the score.
    /// </summary>
    public string? PriorityOverride { get; init; }

    /// <summary>Whether the commission overrode the grid's order for this dossier (a blank reason is none).</summary>
    [JsonIgnore]
    public bool IsOverridden => !string.IsNullOrWhiteSpace(PriorityOverride);

    /// <summary>
    /// The day to count anchoring from when only its year is known: the 1st of July, the middle of the year, so
    /// that a year alone neither gains nor loses half a year against a full date on average.
    /// </summary>
    public static DateOnly? AnchoringStart(PartialDate? since) => since switch
    {
        null => null,
        { Date: { } date } => date,
        _ => new DateOnly(since.Year, 7, 1),
    };

    /// <summary>Full years followed in the region on <paramref name="today"/>; 0 when unknown or not yet a year.</summary>
    public int YearsFollowedInRegion(DateOnly today)
    {
        if (FollowedInRegionSince is not { } since || since > today)
        {
            return 0;
        }

        var years = today.Year - since.Year;
        return today < since.AddYears(years) ? years - 1 : years;
    }
}
