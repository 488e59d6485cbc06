using System.Text.Json.Serialization;

namespace Guichet.Domain.Placement;

/// <summary>
/// A structure's published refusal codes (DESIGN §3), in two families (<see cref="RefusalCodes.FamilyOf"/>): not
/// eligible for this place, which names a recommended orientation, and practical. Ending a candidacy because the place
/// was filled by another candidate, or the person was admitted elsewhere, is not a refusal and has no code here.
/// </summary>
public enum RefusalCode
{
    /// <summary>Not eligible: the person needs hospital care ("needs-hospital-care").</summary>
    [JsonStringEnumMemberName("needs-hospital-care")]
    NeedsHospitalCare,

    /// <summary>Not eligible: another device suits the person (ACT, LHSS, LAM) ("other-device-suited").</summary>
    [JsonStringEnumMemberName("other-device-suited")]
    OtherDeviceSuited,

    /// <summary>Not eligible: the profile is outside the structure's project ("outside-structure-project").</summary>
    [JsonStringEnumMemberName("outside-structure-project")]
    OutsideStructureProject,

    /// <summary>Not eligible: the structure cannot meet the person's care needs ("care-needs-not-met").</summary>
    [JsonStringEnumMemberName("care-needs-not-met")]
    CareNeedsNotMet,

    /// <summary>Practical: the person could not be reached ("person-unreachable").</summary>
    [JsonStringEnumMemberName("person-unreachable")]
    PersonUnreachable,

    /// <summary>Practical: the person declined the place; no loss of rank ("person-declined").</summary>
    [JsonStringEnumMemberName("person-declined")]
    PersonDeclined,

    /// <summary>Practical: the household does not fit the place ("household-not-compatible").</summary>
    [JsonStringEnumMemberName("household-not-compatible")]
    HouseholdNotCompatible,

    /// <summary>Practical: the place is not accessible to the person ("accessibility-not-compatible").</summary>
    [JsonStringEnumMemberName("accessibility-not-compatible")]
    AccessibilityNotCompatible,

    /// <summary>Practical: the file is incomplete ("incomplete-file").</summary>
    [JsonStringEnumMemberName("incomplete-file")]
    IncompleteFile,

    /// <summary>Practical: another reason, said in the justification ("other").</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
