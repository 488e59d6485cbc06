using System.Globalization;
using Guichet.Domain.Commissions;

namespace Guichet.Host.Commissions;

/// <summary>
/// The commissions' settings: <c>Commissions:OverrideCap</c>, the share of a session's admissibility decisions that may
/// override (0 to 1, default 0.10), and <c>Commissions:MaxAgenda</c>, the most dossiers a session takes (1 to
/// <see cref="AgendaLimit"/>, default <see cref="AgendaLimit"/>).
/// </summary>
/// <param name="OverrideCap">The cap each new session records.</param>
/// <param name="MaxAgenda">The most dossiers an agenda holds; the others wait for the next session.</param>
internal sealed record CommissionSettings(double OverrideCap, int MaxAgenda)
{
    /// <summary>The configuration key of the cap.</summary>
    public const string OverrideCapKey = "Commissions:OverrideCap";

    /// <summary>The configuration key of the agenda's size.</summary>
    public const string MaxAgendaKey = "Commissions:MaxAgenda";

    /// <summary>The default cap (DESIGN §3, in the spirit of CCH R.441-24).</summary>
    public const double DefaultOverrideCap = 0.10;

    /// <summary>
    /// The most dossiers a session may take. The session puts them on its agenda <see cref="CommissionSessionDecider.AgendaStep"/>
    /// at a time; what bounds it is the session's state (its agenda with each dossier's explanation, then its minutes)
    /// within one table entity of 1 MiB, and the opening input within the runtime's payload limit, which the opener
    /// checks as well.
    /// </summary>
    public const int AgendaLimit = 500;

    /// <summary>Reads the settings; a value out of its range fails, naming the setting.</summary>
    public static CommissionSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cap = DefaultOverrideCap;
        if (configuration[OverrideCapKey] is { Length: > 0 } capText
            && !(double.TryParse(capText, NumberStyles.Float, CultureInfo.InvariantCulture, out cap) && cap is >= 0 and <= 1))
        {
            throw new InvalidOperationException($"Setting {OverrideCapKey} = '{capText}' is not a share from 0 to 1 (0.10 is 10 %).");
        }

        var max = AgendaLimit;
        if (configuration[MaxAgendaKey] is { Length: > 0 } maxText
            && !(int.TryParse(maxText, NumberStyles.Integer, CultureInfo.InvariantCulture, out max) && max is >= 1 and <= AgendaLimit))
        {
            throw new InvalidOperationException($"Setting {MaxAgendaKey} = '{maxText}' is not a number of dossiers from 1 to {AgendaLimit}.");
        }

        return new(cap, max);
    }
}
