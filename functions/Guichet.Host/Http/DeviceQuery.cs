using Guichet.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Http;

/// <summary>The <c>device</c> query parameter of the routes that work on one device's dossiers (ACT, LHSS, LAM).</summary>
internal static class DeviceQuery
{
    /// <summary>Null and the device when <paramref name="device"/> is a device's wire spelling; else the 400 naming the parameter.</summary>
    public static ValidationProblem? Check(string? device, out Device value)
    {
        if (WireName.TryParse(device, out value))
        {
            return null;
        }

        var detail = $"Le paramètre device est obligatoire : {string.Join(", ", WireName.All<Device>())}.";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["device"] = [detail] }, detail: detail);
    }
}
