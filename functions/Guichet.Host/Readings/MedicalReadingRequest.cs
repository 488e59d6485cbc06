using Guichet.Domain.Readings;
using Guichet.Host.Dossiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Readings;

/// <summary>The body of <c>POST /api/dossiers/{id}/readings/medical</c>: the medical reading (<see cref="MedicalReading"/>).</summary>
/// <param name="Verdict">eligible, ineligible or needs-information (required).</param>
/// <param name="Severity">Medical severity, 0 to 5 (required).</param>
/// <param name="Needs">The medical needs a structure must meet; none when absent.</param>
/// <param name="Reason">Why ineligible (required then), or a note.</param>
/// <param name="RecommendedOrientation">Where to send the person instead (required when ineligible).</param>
/// <param name="Question">What the prescriber is asked (required when information is needed).</param>
public sealed record MedicalReadingRequest(
    ReadingVerdict? Verdict,
    int? Severity,
    IReadOnlyList<CareNeed>? Needs,
    string? Reason,
    Orientation? RecommendedOrientation,
    string? Question)
{
    /// <summary>The reading, or a 400 naming the field that is missing or not one of its values; the rules of the reading are the dossier's (422).</summary>
    internal ValidationProblem? ToReading(out MedicalReading reading)
    {
        reading = null!;
        if ((ReadingFields.Verdict(Verdict) ?? ReadingFields.Score("severity", Severity)
            ?? ReadingFields.Defined("needs", Needs) ?? ReadingFields.Orientation(RecommendedOrientation)
            ?? DossierProblems.OptionalText("reason", Reason) ?? DossierProblems.OptionalText("question", Question)) is { } invalid)
        {
            return invalid;
        }

        reading = new MedicalReading(Verdict!.Value, Severity!.Value, Needs ?? [], Reason, RecommendedOrientation, Question);
        return null;
    }
}
