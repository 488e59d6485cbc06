namespace Guichet.Domain.Ranking;

/// <summary>One line of a dossier's explanation: the section, the criterion that counted in it, the value read, the points.</summary>
/// <param name="Section">The section's code ("housing", "seniority").</param>
/// <param name="Criterion">The criterion that counted, or <see cref="NoCriterion"/> when none applied.</param>
/// <param name="Value">What was read from the dossier, in French ("3/5", "185 jours", "street-or-squat").</param>
/// <param name="Points">The points the line gives; the lines of a dossier sum to its score.</param>
public sealed record ExplanationLine(string Section, string Criterion, string Value, int Points)
{
    /// <summary>The criterion named when none of a section's applies.</summary>
    public const string NoCriterion = "none";
}
