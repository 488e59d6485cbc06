namespace Guichet.Domain.Ranking;

/// <summary>
/// A section of the grid: its criteria overlap, so only the highest that applies counts (as in Paris' "cotation"
/// of social-housing requests); sections add up.
/// </summary>
/// <param name="Code">Its stable code, shown in explanations ("housing").</param>
/// <param name="Label">Its name in French, for people ("Situation de logement").</param>
/// <param name="Criteria">Its criteria, one at least; among equal points, the first listed is the one named.</param>
public sealed record GridSection(string Code, string Label, IReadOnlyList<GridCriterion> Criteria);
