using System.Globalization;

namespace Guichet.Host.Commissions;

/// <summary>The commissions' settings: <c>Commissions:OverrideCap</c>, the share of a session's agenda whose rank it may override (0 to 1, default 0.10).</summary>
/// <param name="OverrideCap">The cap each new session records.</param>
internal sealed record CommissionSettings(double OverrideCap)
{
    /// <summary>The configuration key of the cap.</summary>
    public const string OverrideCapKey = "Commissions:OverrideCap";

    /// <summary>The default cap (DESIGN §3, in the spirit of CCH R.441-24).</summary>
    public const double DefaultOverrideCap = 0.10;

    /// <summary>Reads the settings; a cap that is not a number from 0 to 1 fails, naming the setting.</summary>
    public static CommissionSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[OverrideCapKey] is not { Length: > 0 } text)
        {
            return new(DefaultOverrideCap);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cap) && cap is >= 0 and <= 1
            ? new(cap)
            : throw new InvalidOperationException($"Setting {OverrideCapKey} = '{text}' is not a share from 0 to 1 (0.10 is 10 %).");
    }
}
