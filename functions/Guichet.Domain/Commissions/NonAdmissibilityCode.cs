using System.Text.Json.Serialization;

namespace Guichet.Domain.Commissions;

/// <summary>The commission's published non-admissibility codes (DESIGN §3).</summary>
public enum NonAdmissibilityCode
{
    /// <summary>The device asked does not suit the person ("not-eligible-device").</summary>
    [JsonStringEnumMemberName("not-eligible-device")]
    NotEligibleDevice,

    /// <summary>No chronic condition, which ACT requires ("no-chronic-condition").</summary>
    [JsonStringEnumMemberName("no-chronic-condition")]
    NoChronicCondition,

    /// <summary>The person needs hospital care ("needs-hospital-care").</summary>
    [JsonStringEnumMemberName("needs-hospital-care")]
    NeedsHospitalCare,

    /// <summary>The file is incomplete ("incomplete-file").</summary>
    [JsonStringEnumMemberName("incomplete-file")]
    IncompleteFile,

    /// <summary>Another reason, said in the justification ("other").</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
