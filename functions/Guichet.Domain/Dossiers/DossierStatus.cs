using System.Text.Json.Serialization;

namespace Guichet.Domain.Dossiers;

/// <summary>Where a dossier stands in its lifecycle (DESIGN §3); derived from its state, never restated.</summary>
public enum DossierStatus
{
    /// <summary>Opened from a valid request; the readings have not started.</summary>
    [JsonStringEnumMemberName("received")]
    Received,

    /// <summary>The medical and social readings are under way, in parallel.</summary>
    [JsonStringEnumMemberName("under-review")]
    UnderReview,

    /// <summary>A reader or the commission asked the prescriber for information; a deadline runs.</summary>
    [JsonStringEnumMemberName("needs-information")]
    NeedsInformation,

    /// <summary>Both readings say eligible; the dossier waits for the next commission of its device.</summary>
    [JsonStringEnumMemberName("awaiting-commission")]
    AwaitingCommission,

    /// <summary>Declared admissible: ranked on its device's waiting list.</summary>
    [JsonStringEnumMemberName("waiting-list")]
    WaitingList,

    /// <summary>Proposed to a structure for a vacancy (placement, issue 9).</summary>
    [JsonStringEnumMemberName("proposed")]
    Proposed,

    /// <summary>Admitted in a structure.</summary>
    [JsonStringEnumMemberName("admitted")]
    Admitted,

    /// <summary>A reader found it ineligible, or the commission declared it not admissible.</summary>
    [JsonStringEnumMemberName("not-admissible")]
    NotAdmissible,

    /// <summary>Withdrawn by its prescriber.</summary>
    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,

    /// <summary>Not confirmed by its prescriber in time while waiting (placement, issue 9).</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,

    /// <summary>Closed: the information asked was not given before the deadline, or an exit.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,

    /// <summary>Found to be the same person's request as another active dossier, and merged into it (invariant 1).</summary>
    [JsonStringEnumMemberName("merged")]
    Merged,
}
