using System.Text.Json.Serialization;

namespace Guichet.Domain.Placement;

/// <summary>Where a vacancy stands; derived from its state (<see cref="Vacancy.Status"/>).</summary>
public enum VacancyStatus
{
    /// <summary>No candidacy pending: the matching is to propose, or top up ("awaiting-candidates").</summary>
    [JsonStringEnumMemberName("awaiting-candidates")]
    AwaitingCandidates,

    /// <summary>One to three candidacies pending with the structure ("awaiting-answers").</summary>
    [JsonStringEnumMemberName("awaiting-answers")]
    AwaitingAnswers,

    /// <summary>Filled by exactly one admission ("filled").</summary>
    [JsonStringEnumMemberName("filled")]
    Filled,

    /// <summary>Withdrawn by the structure ("cancelled").</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
