using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Stays;

namespace Guichet.Host.Stays;

/// <summary>Wires stays: the stay workflow with its LHSS length from the settings, and the <c>placement-starts</c> trigger's handler.</summary>
public static class StaysRegistration
{
    /// <summary>The app setting <c>Stays__LhssMonths</c>: how many months an LHSS stay and each renewal last (default 2).</summary>
    public const string LhssMonthsSetting = "Stays:LhssMonths";

    /// <summary>The app setting <c>Stays__ReminderBefore</c>: how long before the planned end the structure is reminded (a TimeSpan, <c>7.00:00:00</c>).</summary>
    public const string ReminderBeforeSetting = "Stays:ReminderBefore";

    /// <summary>Registers the stay decider and the start handler.</summary>
    public static WebApplicationBuilder AddGuichetStays(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IDecider>(new StayDecider(Policy(builder.Configuration)));
        builder.Services.AddSingleton<PlacementStartHandler>();
        return builder;
    }

    /// <summary>The policy the settings give, the defaults otherwise; a setting that does not read is refused, named.</summary>
    public static StayPolicy Policy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var months = configuration[LhssMonthsSetting] is not { Length: > 0 } text ? StayPolicy.Default.LhssMonths
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 24 ? value
            : throw new InvalidOperationException($"The app setting Stays__LhssMonths must be a number of months from 1 to 24, not '{text}'.");
        var before = configuration[ReminderBeforeSetting] is not { Length: > 0 } lead ? StayPolicy.Default.ReminderBefore
            : TimeSpan.TryParse(lead, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span < TimeSpan.FromDays(28 * months) ? span
            : throw new InvalidOperationException($"The app setting Stays__ReminderBefore must be a positive duration (d.hh:mm:ss) shorter than a stay, not '{lead}'.");
        return new StayPolicy(months, before) { TimeZone = Runtime.Schedules.TimerTriggerOptions.FromConfiguration(configuration).TimeZone };
    }
}
