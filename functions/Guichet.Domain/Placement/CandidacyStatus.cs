using System.Text.Json.Serialization;

namespace Guichet.Domain.Placement;

/// <summary>Where a candidacy stands; derived from its state (<see cref="Candidacy.Status"/>), never restated.</summary>
public enum CandidacyStatus
{
    /// <summary>Sent to the structure, which has until the deadline to answer ("pending").</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>No answer by the deadline (invariant 5): alerted once, the candidate available again; a late answer is still recorded ("overdue").</summary>
    [JsonStringEnumMemberName("overdue")]
    Overdue,

    /// <summary>The structure admits the person: the place is filled ("admitted").</summary>
    [JsonStringEnumMemberName("admitted")]
    Admitted,

    /// <summary>The structure refuses, with a code and a justification ("refused").</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>Another candidate was admitted: not a refusal, the person keeps rank and seniority ("place-filled-by-another-candidate").</summary>
    [JsonStringEnumMemberName("place-filled-by-another-candidate")]
    PlaceFilledByAnotherCandidate,

    /// <summary>The person was admitted in another place: not a refusal ("admitted-elsewhere").</summary>
    [JsonStringEnumMemberName("admitted-elsewhere")]
    AdmittedElsewhere,

    /// <summary>The dossier could not take the candidacy, or the structure withdrew the place: not a refusal ("withdrawn").</summary>
    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,
}
