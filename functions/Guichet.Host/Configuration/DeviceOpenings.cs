using System.Globalization;
using Guichet.Domain;

namespace Guichet.Host.Configuration;

/// <summary>
/// Which devices the window runs, and from when (DESIGN §1: ACT goes live first, LHSS and LAM follow): the setting
/// <c>Devices:&lt;ACT|LHSS|LAM&gt;:OpenFrom</c> is the first day (<c>YYYY-MM-DD</c>, in the timers' time zone) the
/// device is open; absent or empty, the device is closed. The intake refuses requests for a closed device, and the
/// commission cycles open no session for it.
/// </summary>
internal sealed class DeviceOpenings
{
    private readonly Dictionary<Device, DateOnly> _openFrom = [];
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Reads the three settings; one that is not a date fails, naming it.</summary>
    public DeviceOpenings(IConfiguration configuration, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _timeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        foreach (var device in Enum.GetValues<Device>())
        {
            var key = Key(device);
            if (configuration[key] is not { Length: > 0 } text)
            {
                continue;
            }

            _openFrom[device] = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new InvalidOperationException($"The app setting {key.Replace(":", "__", StringComparison.Ordinal)} must be a date YYYY-MM-DD (the first day the device is open), not '{text}'.");
        }
    }

    /// <summary>The configuration key of a device's opening.</summary>
    public static string Key(Device device) => $"Devices:{WireName.Of(device)}:OpenFrom";

    /// <summary>Whether the device is open on the day of <paramref name="at"/> in the timers' time zone.</summary>
    public bool IsOpenAt(Device device, DateTimeOffset at) =>
        Refusal(device, at) is null;

    /// <summary>Null when <paramref name="device"/> is open at <paramref name="at"/>; else why not, in French, for the prescriber.</summary>
    public string? Refusal(Device device, DateTimeOffset at)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _timeZone).DateTime);
        var name = WireName.Of(device);
        return !_openFrom.TryGetValue(device, out var from)
            ? $"Le dispositif {name} n'est pas encore ouvert au guichet unique : aucune demande n'est acceptée pour lui à ce jour."
            : today < from
                ? string.Create(CultureInfo.InvariantCulture, $"Le dispositif {name} n'est ouvert au guichet unique qu'à partir du {from:dd/MM/yyyy} : renvoyez la demande à partir de cette date.")
                : null;
    }
}
