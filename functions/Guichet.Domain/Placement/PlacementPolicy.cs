namespace Guichet.Domain.Placement;

/// <summary>The configurable delays of a candidacy (seed 003: "motiver ses refus dans un délai de quinze jours").</summary>
/// <param name="AnswerDeadline">How long the structure has to answer (default 15 days).</param>
/// <param name="ReminderAfter">When, after the proposal, the structure is reminded (default day 10); before the deadline.</param>
public sealed record PlacementPolicy(TimeSpan AnswerDeadline, TimeSpan ReminderAfter)
{
    /// <summary>15 days to answer, a reminder on day 10.</summary>
    public static PlacementPolicy Default { get; } = new(TimeSpan.FromDays(15), TimeSpan.FromDays(10));
}
