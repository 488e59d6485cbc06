using Guichet.Domain.Intake;

namespace Guichet.Domain.Readings;

/// <summary>The social reading.</summary>
/// <param name="Verdict">The reader's conclusion.</param>
/// <param name="Vulnerability">Social vulnerability, 0 to 5; counts in the priority grid.</param>
/// <param name="Housing">The housing situation as the reader assessed it; it replaces the request's in the grid.</param>
/// <param name="Anchoring">The territorial anchoring as the reader assessed it; it replaces the request's in the grid.</param>
/// <param name="Reason">Why ineligible (required then), or a note.</param>
/// <param name="RecommendedOrientation">Where to send the person instead (required when ineligible).</param>
/// <param name="Question">What the prescriber is asked (required when information is needed).</param>
public sealed record SocialReading(
    ReadingVerdict Verdict,
    int Vulnerability,
    HousingSituation Housing,
    Anchoring Anchoring,
    string? Reason,
    Orientation? RecommendedOrientation,
    string? Question);
