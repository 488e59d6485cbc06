using System.ComponentModel.DataAnnotations;
using Guichet.Domain.Readings;
using Guichet.Host.Dossiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Readings;

/// <summary>The body of <c>POST /api/dossiers/{id}/readings/medical</c>: the medical reading (<see cref="MedicalReading"/>).</summary>
public sealed record MedicalReadingRequest
{
    /// <summary>eligible, ineligible or needs-information.</summary>
    [Required]
    public ReadingVerdict? Verdict { get; init; }

    /// <summary>Medical severity, 0 to 5.</summary>
    [Required]
    public int? Severity { get; init; }

    /// <summary>The medical needs a structure must meet; none when absent.</summary>
    public IReadOnlyList<CareNeed>? Needs { get; init; }

    /// <summary>Why ineligible (required then), or a note.</summary>
    public string? Reason { get; init; }

    /// <summary>Where to send the person instead (required when ineligible).</summary>
    public Orientation? RecommendedOrientation { get; init; }

    /// <summary>What the prescriber is asked (required when information is needed).</summary>
    public string? Question { get; init; }

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
