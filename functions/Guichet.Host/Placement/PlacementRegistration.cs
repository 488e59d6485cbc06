using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Placement;

namespace Guichet.Host.Placement;

/// <summary>Wires placement: the vacancy workflow with its delays, the device leases and the matcher the <c>vacancy-matching</c> trigger calls.</summary>
public static class PlacementRegistration
{
    /// <summary>The app setting <c>Placement__AnswerDeadline</c>: how long a structure has to answer (a TimeSpan, <c>15.00:00:00</c>).</summary>
    public const string AnswerDeadlineSetting = "Placement:AnswerDeadline";

    /// <summary>The app setting <c>Placement__ReminderAfter</c>: when the structure is reminded (a TimeSpan, <c>10.00:00:00</c>).</summary>
    public const string ReminderAfterSetting = "Placement:ReminderAfter";

    /// <summary>Registers the vacancy decider, with its policy from the settings, and the matching's services.</summary>
    public static WebApplicationBuilder AddGuichetPlacement(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IDecider>(new VacancyDecider(Policy(builder.Configuration)));
        builder.Services.AddSingleton<DeviceLease>();
        builder.Services.AddSingleton<SkippedDossiers>();
        builder.Services.AddSingleton<DeclarationGuard>();
        builder.Services.AddSingleton<VacancyMatcher>();
        builder.Services.AddSingleton<MatchingHandler>();
        return builder;
    }

    /// <summary>The policy the settings give: 15 days to answer and a reminder on day 10 unless configured; a setting that does not read is refused, named.</summary>
    public static PlacementPolicy Policy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var policy = PlacementPolicy.Default with
        {
            AnswerDeadline = Read(configuration, AnswerDeadlineSetting, PlacementPolicy.Default.AnswerDeadline),
            ReminderAfter = Read(configuration, ReminderAfterSetting, PlacementPolicy.Default.ReminderAfter),
        };
        return policy.ReminderAfter > TimeSpan.Zero && policy.ReminderAfter < policy.AnswerDeadline
            ? policy
            : throw new InvalidOperationException(
                $"The app settings Placement__ReminderAfter ({policy.ReminderAfter}) must be positive and shorter than Placement__AnswerDeadline ({policy.AnswerDeadline}).");
    }

    private static TimeSpan Read(IConfiguration configuration, string setting, TimeSpan fallback) =>
        configuration[setting] is not { Length: > 0 } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidOperationException($"The app setting {setting.Replace(":", "__", StringComparison.Ordinal)} must be a duration (d.hh:mm:ss), not '{text}'.");
}
