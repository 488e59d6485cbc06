using Guichet.Domain;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;
using Guichet.Host.Dossiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Readings;

/// <summary>The body of <c>POST /api/dossiers/{id}/readings/social</c>: the social reading (<see cref="SocialReading"/>).</summary>
/// <param name="Verdict">eligible, ineligible or needs-information (required).</param>
/// <param name="Vulnerability">Social vulnerability, 0 to 5 (required).</param>
/// <param name="Housing">The housing situation as the reader assessed it (required).</param>
/// <param name="Anchoring">The territorial anchoring as the reader assessed it; none known when absent.</param>
/// <param name="Reason">Why ineligible (required then), or a note.</param>
/// <param name="RecommendedOrientation">Where to send the person instead (required when ineligible).</param>
/// <param name="Question">What the prescriber is asked (required when information is needed).</param>
public sealed record SocialReadingRequest(
    ReadingVerdict? Verdict,
    int? Vulnerability,
    HousingSituation? Housing,
    AnchoringRequest? Anchoring,
    string? Reason,
    Orientation? RecommendedOrientation,
    string? Question)
{
    /// <summary>The reading, or a 400 naming the field that is missing or not one of its values; the rules of the reading are the dossier's (422).</summary>
    internal ValidationProblem? ToReading(out SocialReading reading)
    {
        reading = null!;
        if ((ReadingFields.Verdict(Verdict) ?? ReadingFields.Score("vulnerability", Vulnerability)
            ?? ReadingFields.Required("housing", Housing) ?? ReadingFields.Defined("anchoring.departments", Anchoring?.Departments)
            ?? ReadingFields.Orientation(RecommendedOrientation)
            ?? DossierProblems.OptionalText("reason", Reason) ?? DossierProblems.OptionalText("question", Question)) is { } invalid)
        {
            return invalid;
        }

        var anchoring = Anchoring is null ? Domain.Intake.Anchoring.None : new Anchoring(Anchoring.Departments ?? [], Anchoring.Since);
        reading = new SocialReading(Verdict!.Value, Vulnerability!.Value, Housing!.Value, anchoring, Reason, RecommendedOrientation, Question);
        return null;
    }
}
