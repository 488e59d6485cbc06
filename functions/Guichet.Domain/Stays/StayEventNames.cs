namespace Guichet.Domain.Stays;

/// <summary>The names of the stay workflow's events: the wire contract of its routes, timers and history.</summary>
public static class StayEventNames
{
    /// <summary><see cref="Stays.ExitRecorded"/>.</summary>
    public const string ExitRecorded = "exit-recorded";

    /// <summary><see cref="Stays.RenewalRecorded"/>.</summary>
    public const string RenewalRecorded = "renewal-recorded";

    /// <summary><see cref="StayReminderDue"/>, a timer.</summary>
    public const string Reminder = "stay-reminder";

    /// <summary><see cref="StayEndDue"/>, a timer.</summary>
    public const string End = "stay-end";
}
