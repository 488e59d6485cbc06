namespace Guichet.Domain.Readings;

/// <summary>The medical reading: visible to medical roles only.</summary>
/// <param name="Verdict">The reader's conclusion.</param>
/// <param name="Severity">Medical severity, 0 to 5; counts in the priority grid.</param>
/// <param name="Needs">The medical needs a structure must meet.</param>
/// <param name="Reason">Why ineligible (required then), or a note.</param>
/// <param name="RecommendedOrientation">Where to send the person instead (required when ineligible).</param>
/// <param name="Question">What the prescriber is asked (required when information is needed).</param>
public sealed record MedicalReading(
    ReadingVerdict Verdict,
    int Severity,
    IReadOnlyList<CareNeed> Needs,
    string? Reason,
    Orientation? RecommendedOrientation,
    string? Question);
