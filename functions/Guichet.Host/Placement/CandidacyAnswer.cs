using Guichet.Domain.Placement;
using Guichet.Domain.Readings;

namespace Guichet.Host.Placement;

/// <summary>The structure's answer to a candidacy, bound strictly (an unknown field or a value off the list is refused).</summary>
/// <param name="Decision">"admit" or "refuse"; required (nullable so that a missing one is told apart from "admit").</param>
/// <param name="EntryDate">The entry date, for an admission.</param>
/// <param name="Code">The refusal code of the published nomenclature, for a refusal.</param>
/// <param name="Justification">Why, required for a refusal.</param>
/// <param name="RecommendedOrientation">Where to send the person, for a refusal as not eligible for this place.</param>
public sealed record CandidacyAnswer(
    CandidacyDecision? Decision = null,
    DateOnly? EntryDate = null,
    RefusalCode? Code = null,
    string? Justification = null,
    Orientation? RecommendedOrientation = null);
