using System.ComponentModel.DataAnnotations;
using Guichet.Domain;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;
using Guichet.Host.Dossiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Readings;

/// <summary>The body of <c>POST /api/dossiers/{id}/readings/social</c>: the social reading (<see cref="SocialReading"/>).</summary>
public sealed record SocialReadingRequest
{
    /// <summary>eligible, ineligible or needs-information.</summary>
    [Required]
    public ReadingVerdict? Verdict { get; init; }

    /// <summary>Social vulnerability, 0 to 5.</summary>
    [Required]
    public int? Vulnerability { get; init; }

    /// <summary>The housing situation as the reader assessed it.</summary>
    [Required]
    public HousingSituation? Housing { get; init; }

    /// <summary>The territorial anchoring as the reader assessed it; none known when absent.</summary>
    public AnchoringRequest? Anchoring { get; init; }

    /// <summary>Why ineligible (required then), or a note.</summary>
    public string? Reason { get; init; }

    /// <summary>Where to send the person instead (required when ineligible).</summary>
    public Orientation? RecommendedOrientation { get; init; }

    /// <summary>What the prescriber is asked (required when information is needed).</summary>
    public string? Question { get; init; }

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
