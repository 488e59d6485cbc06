namespace Guichet.Runtime.Schedules;

/// <summary>What a one-shot run did.</summary>
/// <param name="TimersFired">The timer triggers that fired an occurrence in this run.</param>
/// <param name="NextDurableTimer">When the next durable workflow timer is due; null when none is pending, or when none was due (an idle run looks no further).</param>
/// <param name="InstancesSwept">How many instances the sweep found with pending work.</param>
public sealed record DueWorkReport(IReadOnlyList<string> TimersFired, DateTimeOffset? NextDurableTimer, int InstancesSwept);
