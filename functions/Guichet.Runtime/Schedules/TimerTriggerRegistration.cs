namespace Guichet.Runtime.Schedules;

/// <summary>A timer trigger registered in the host.</summary>
/// <param name="Name">The function's name, unique in the host; <c>Timers:&lt;Name&gt;:Schedule</c> overrides its schedule.</param>
/// <param name="DefaultSchedule">The six-field NCRONTAB schedule used when the setting is absent.</param>
public sealed record TimerTriggerRegistration(string Name, string DefaultSchedule);
