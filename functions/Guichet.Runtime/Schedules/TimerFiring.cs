namespace Guichet.Runtime.Schedules;

/// <summary>One firing of a timer trigger, as its handler sees it.</summary>
/// <param name="Name">The timer's name.</param>
/// <param name="Occurrence">The scheduled instant this firing is for (UTC), which may be earlier than now.</param>
/// <param name="IsCatchUp">True when it fires a missed occurrence (at start, or in a one-shot run), not on time.</param>
public sealed record TimerFiring(string Name, DateTimeOffset Occurrence, bool IsCatchUp);
