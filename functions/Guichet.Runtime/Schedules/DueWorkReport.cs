namespace Guichet.Runtime.Schedules;

/// <summary>What a one-shot run did.</summary>
/// <param name="TimersFired">The timer triggers that fired an occurrence in this run.</param>
/// <param name="NextDurableTimer">When the next durable workflow timer is due; null when none is pending.</param>
/// <param name="InstancesSwept">How many instances had an outbox carried out by the sweep.</param>
public sealed record DueWorkReport(IReadOnlyList<string> TimersFired, DateTimeOffset? NextDurableTimer, int InstancesSwept);
