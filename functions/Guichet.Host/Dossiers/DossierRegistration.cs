using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Dossiers;

namespace Guichet.Host.Dossiers;

/// <summary>The dossier workflow in the host: its decider, with the lifecycle's delays from the app settings.</summary>
public static class DossierRegistration
{
    /// <summary>The dossier workflow's type, recorded on every dossier instance.</summary>
    public const string WorkflowType = DossierDecider.TypeName;

    /// <summary>The app setting <c>Dossiers__InformationDeadline</c>: how long a prescriber has to answer a question (a TimeSpan, <c>30.00:00:00</c>).</summary>
    public const string InformationDeadlineSetting = "Dossiers:InformationDeadline";

    /// <summary>The app setting <c>Dossiers__ConfirmationMonths</c>: every how many calendar months a waiting dossier is confirmed (default 6).</summary>
    public const string ConfirmationMonthsSetting = "Dossiers:ConfirmationMonths";

    /// <summary>The app setting <c>Dossiers__ConfirmationGraceMonths</c>: how many calendar months an unconfirmed dossier, asked again, waits before it expires (default 1).</summary>
    public const string ConfirmationGraceMonthsSetting = "Dossiers:ConfirmationGraceMonths";

    /// <summary>Registers the dossier decider, with its policy from the settings (<see cref="Policy"/>).</summary>
    public static WebApplicationBuilder AddGuichetDossiers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var policy = Policy(builder.Configuration);
        builder.Services.AddSingleton<IDecider>(new DossierDecider(policy));
        return builder;
    }

    /// <summary>
    /// The policy the settings give: <see cref="DossierPolicy.Default"/>, with the information deadline and the confirmation's
    /// period and grace configured when they are; a deadline that is not a positive TimeSpan longer than the reminder's
    /// advance, or a number of months that is not whole and in range, is refused, naming the setting.
    /// </summary>
    public static DossierPolicy Policy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var policy = DossierPolicy.Default with
        {
            ConfirmationMonths = Months(configuration, ConfirmationMonthsSetting, DossierPolicy.Default.ConfirmationMonths, DossierPolicy.Default.ConfirmationReminderMonths + 1),
            ConfirmationGraceMonths = Months(configuration, ConfirmationGraceMonthsSetting, DossierPolicy.Default.ConfirmationGraceMonths, 1),
        };
        if (configuration[InformationDeadlineSetting] is not { Length: > 0 } text)
        {
            return policy;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var deadline) && deadline > DossierPolicy.Default.InformationReminderBefore
            ? policy with { InformationDeadline = deadline }
            : throw new InvalidOperationException(
                $"The app setting Dossiers__InformationDeadline must be a duration (d.hh:mm:ss, 30.00:00:00 for 30 days) longer than the reminder's " +
                $"{DossierPolicy.Default.InformationReminderBefore.TotalDays:0} days, not '{text}'.");
    }

    /// <summary>A whole number of months from the settings, at least <paramref name="least"/>; the default when unset; anything else refused, naming the setting.</summary>
    private static int Months(IConfiguration configuration, string setting, int byDefault, int least)
    {
        if (configuration[setting] is not { Length: > 0 } text)
        {
            return byDefault;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months >= least && months <= 120
            ? months
            : throw new InvalidOperationException(
                $"The app setting {setting.Replace(":", "__", StringComparison.Ordinal)} must be a whole number of months from {least} to 120, not '{text}'.");
    }
}
