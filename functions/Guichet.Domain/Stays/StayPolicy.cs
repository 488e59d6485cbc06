namespace Guichet.Domain.Stays;

/// <summary>The configurable length of an LHSS stay and of its renewals, and when the structure is reminded of its end.</summary>
/// <param name="LhssMonths">How many months an LHSS stay, and each renewal, lasts (default 2, DESIGN §1).</param>
/// <param name="ReminderBefore">How long before the planned end the structure is reminded (default 7 days); shorter than a stay.</param>
public sealed record StayPolicy(int LhssMonths, TimeSpan ReminderBefore)
{
    /// <summary>Where "today" is read for an exit's date: the guichet's own time zone (the timers', Europe/Paris in Azure), not UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Two months, renewable; a reminder a week before the end.</summary>
    public static StayPolicy Default { get; } = new(2, TimeSpan.FromDays(7));
}
