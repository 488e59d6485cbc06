using System.Text.Json.Serialization;

namespace Guichet.Domain;

/// <summary>
/// Where the person sleeps now; the values match the housing criteria of the priority grid (DESIGN §3), and
/// <see cref="Other"/> scores nothing there.
/// </summary>
public enum HousingSituation
{
    /// <summary>Street or squat ("street-or-squat").</summary>
    [JsonStringEnumMemberName("street-or-squat")]
    StreetOrSquat,

    /// <summary>Leaving hospital with no solution ("leaving-hospital-without-solution").</summary>
    [JsonStringEnumMemberName("leaving-hospital-without-solution")]
    LeavingHospitalWithoutSolution,

    /// <summary>Emergency shelter ("emergency-shelter").</summary>
    [JsonStringEnumMemberName("emergency-shelter")]
    EmergencyShelter,

    /// <summary>Hosted by third parties ("hosted-by-third-parties").</summary>
    [JsonStringEnumMemberName("hosted-by-third-parties")]
    HostedByThirdParties,

    /// <summary>Precarious housing ("precarious-housing").</summary>
    [JsonStringEnumMemberName("precarious-housing")]
    PrecariousHousing,

    /// <summary>Anything else ("other").</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
