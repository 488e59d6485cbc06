using System.Text.Json.Serialization;

namespace Guichet.Domain.Ranking;

/// <summary>What a criterion of the grid reads from a dossier; its threshold or housing situation says which value counts.</summary>
public enum CriterionKind
{
    /// <summary>The medical reading's severity (0–5) is at least the threshold.</summary>
    [JsonStringEnumMemberName("medical-severity")]
    MedicalSeverity,

    /// <summary>The social reading's vulnerability (0–5) is at least the threshold.</summary>
    [JsonStringEnumMemberName("social-vulnerability")]
    SocialVulnerability,

    /// <summary>The housing situation is the criterion's.</summary>
    [JsonStringEnumMemberName("housing")]
    Housing,

    /// <summary>The person has been followed in the region for at least the threshold in full years.</summary>
    [JsonStringEnumMemberName("followed-in-region-years")]
    FollowedInRegionYears,

    /// <summary>A wished département is one of the anchoring départements.</summary>
    [JsonStringEnumMemberName("wished-department-is-anchoring")]
    WishedDepartmentIsAnchoring,
}
