using System.Text.Json.Serialization;

namespace Guichet.Domain.Placement;

/// <summary>Why the matching passed over a dossier ranked above a proposed candidate; the French text is <see cref="SkipReasons.Text"/>.</summary>
public enum SkipReason
{
    /// <summary>The dossier asks for another device ("other-device").</summary>
    [JsonStringEnumMemberName("other-device")]
    OtherDevice,

    /// <summary>The dossier left the waiting list since the ranking ("no-longer-waiting").</summary>
    [JsonStringEnumMemberName("no-longer-waiting")]
    NoLongerWaiting,

    /// <summary>The dossier has a pending candidacy for another place (invariant 3) ("pending-candidacy").</summary>
    [JsonStringEnumMemberName("pending-candidacy")]
    PendingCandidacy,

    /// <summary>The dossier was already proposed for this place ("already-proposed-here").</summary>
    [JsonStringEnumMemberName("already-proposed-here")]
    AlreadyProposedHere,

    /// <summary>A partner comes along; the place takes no couple ("couple-not-accepted").</summary>
    [JsonStringEnumMemberName("couple-not-accepted")]
    CoupleNotAccepted,

    /// <summary>Children come along; the place takes none ("children-not-accepted").</summary>
    [JsonStringEnumMemberName("children-not-accepted")]
    ChildrenNotAccepted,

    /// <summary>A pet comes along; the place takes none ("pets-not-accepted").</summary>
    [JsonStringEnumMemberName("pets-not-accepted")]
    PetsNotAccepted,

    /// <summary>The person needs a place that accepts active substance use ("substance-use-not-accepted").</summary>
    [JsonStringEnumMemberName("substance-use-not-accepted")]
    SubstanceUseNotAccepted,

    /// <summary>The person needs an accessible place ("not-accessible").</summary>
    [JsonStringEnumMemberName("not-accessible")]
    NotAccessible,

    /// <summary>The person needs psychiatric support ("no-psychiatric-support").</summary>
    [JsonStringEnumMemberName("no-psychiatric-support")]
    NoPsychiatricSupport,

    /// <summary>The person needs to be near a dialysis centre ("not-near-dialysis").</summary>
    [JsonStringEnumMemberName("not-near-dialysis")]
    NotNearDialysis,

    /// <summary>The person needs daily nursing care ("no-daily-nursing-care").</summary>
    [JsonStringEnumMemberName("no-daily-nursing-care")]
    NoDailyNursingCare,

    /// <summary>The place is for women only ("women-only-place").</summary>
    [JsonStringEnumMemberName("women-only-place")]
    WomenOnlyPlace,

    /// <summary>The structure is outside the départements the person wishes ("outside-wished-departments").</summary>
    [JsonStringEnumMemberName("outside-wished-departments")]
    OutsideWishedDepartments,
}
