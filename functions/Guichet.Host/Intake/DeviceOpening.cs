using System.Globalization;
using Guichet.Domain;

namespace Guichet.Host.Intake;

/// <summary>Which devices take requests on a given day, from <see cref="IntakeSettings.OpenFrom"/> in the app's time zone.</summary>
internal sealed class DeviceOpening(IReadOnlyDictionary<Device, DateOnly> openFrom, TimeZoneInfo timeZone)
{
    /// <summary>Null when <paramref name="device"/> takes requests at <paramref name="now"/>; else why not, in French, for the prescriber.</summary>
    public string? Refusal(Device device, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
        var name = WireName.Of(device);
        return !openFrom.TryGetValue(device, out var from)
            ? $"Le dispositif {name} n'est pas encore ouvert au guichet unique : aucune demande n'est acceptée pour lui à ce jour."
            : today < from
                ? string.Create(CultureInfo.InvariantCulture, $"Le dispositif {name} n'est ouvert au guichet unique qu'à partir du {from:dd/MM/yyyy} : renvoyez la demande à partir de cette date.")
                : null;
    }
}
