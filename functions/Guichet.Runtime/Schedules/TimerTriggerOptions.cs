using Microsoft.Extensions.Configuration;

namespace Guichet.Runtime.Schedules;

/// <summary>What all timer triggers of a host share: the schedules' time zone and the blobs that serialise firings.</summary>
public sealed record TimerTriggerOptions
{
    /// <summary>The configuration key of the time zone (an IANA or Windows id; UTC when absent).</summary>
    public const string TimeZoneKey = "Timers:TimeZone";

    /// <summary>The time zone every schedule is read in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The blob container holding one lease-and-status blob per timer.</summary>
    public string LeaseContainer { get; init; } = "timer-leases";

    /// <summary>How long a firing host holds a timer's lease before renewing it (15 to 60 seconds, the blob lease range).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The options with the time zone of <see cref="TimeZoneKey"/>; an unknown id fails naming the setting.</summary>
    public static TimerTriggerOptions FromConfiguration(IConfiguration? configuration)
    {
        var id = configuration?[TimeZoneKey];
        if (string.IsNullOrWhiteSpace(id))
        {
            return new();
        }

        try
        {
            return new() { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(id) };
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException($"Setting {TimeZoneKey} names the unknown time zone '{id}' (use an IANA id such as Europe/Paris).", ex);
        }
    }

    /// <summary>Checks the options, naming the one that breaks its rule.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromSeconds(15), nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LeaseDuration, TimeSpan.FromSeconds(60), nameof(LeaseDuration));
        if (LeaseContainer is not { Length: >= 3 and <= 63 } || !LeaseContainer.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"LeaseContainer '{LeaseContainer}' must be 3 to 63 lowercase letters, digits or hyphens.", nameof(LeaseContainer));
        }
    }
}
