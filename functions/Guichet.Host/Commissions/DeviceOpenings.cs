using System.Globalization;
using Guichet.Domain;

namespace Guichet.Host.Commissions;

/// <summary>
/// Which devices the window runs, and from when (DESIGN §1: ACT goes live first, LHSS and LAM follow): the setting
/// <c>Devices:&lt;ACT|LHSS|LAM&gt;:OpenFrom</c> is a date (<c>yyyy-MM-dd</c>, from midnight in the timers' time zone)
/// or an ISO instant (UTC when it has no offset); absent or empty, the device is closed.
/// </summary>
internal sealed class DeviceOpenings
{
    private readonly Dictionary<Device, DateTimeOffset> _openFrom = [];

    /// <summary>Reads the three settings; one that is neither a date nor an instant fails, naming it.</summary>
    public DeviceOpenings(IConfiguration configuration, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(timeZone);
        foreach (var device in Enum.GetValues<Device>())
        {
            var key = Key(device);
            if (configuration[key] is not { Length: > 0 } text || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            _openFrom[device] = Parse(text.Trim(), timeZone)
                ?? throw new InvalidOperationException($"Setting {key} = '{text}' is neither a date (yyyy-MM-dd) nor an ISO instant with its offset.");
        }
    }

    /// <summary>The configuration key of a device's opening.</summary>
    public static string Key(Device device) => $"Devices:{WireName.Of(device)}:OpenFrom";

    /// <summary>From when the device is open, or null when it is closed.</summary>
    public DateTimeOffset? OpenFrom(Device device) => _openFrom.TryGetValue(device, out var from) ? from : null;

    /// <summary>Whether the device is open at <paramref name="at"/>.</summary>
    public bool IsOpenAt(Device device, DateTimeOffset at) => OpenFrom(device) <= at;

    private static DateTimeOffset? Parse(string text, TimeZoneInfo timeZone)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(midnight, timeZone.GetUtcOffset(midnight));
        }

        return text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;
    }
}
