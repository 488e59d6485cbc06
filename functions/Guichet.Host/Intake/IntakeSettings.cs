using System.Globalization;
using System.Text;

namespace Guichet.Host.Intake;

/// <summary>
/// What the intake reads from the app settings: the secret of the keyed identity hash, and how long a rejected message's
/// text is kept (the devices' opening dates are <see cref="Configuration.DeviceOpenings"/>, shared with the commissions).
/// </summary>
public sealed record IntakeSettings
{
    /// <summary>The app setting <c>Guichet__IdentityHashKey</c>: the secret the identity index is hashed with (a Key Vault secret in Azure).</summary>
    public const string IdentityHashKeySetting = "Guichet:IdentityHashKey";

    /// <summary>The shortest identity hash key accepted, in UTF-8 bytes (the HMAC-SHA256 block is 64; 32 is its strength).</summary>
    public const int MinIdentityHashKeyBytes = 32;

    /// <summary>The key used in Development when none is configured: not a secret, never accepted elsewhere.</summary>
    public const string DevelopmentIdentityHashKey = "local-development-identity-hash-key-not-a-secret";

    /// <summary>The app setting <c>Intake__RejectedMessageDays</c>: how many days a rejected message's text stays on <c>dossiers-intake-rejected</c>.</summary>
    public const string RejectedMessageDaysSetting = "Intake:RejectedMessageDays";

    /// <summary>The default retention of a rejected message's text, in days: long enough for its prescriber's system to read it and send it again corrected.</summary>
    public const int DefaultRejectedMessageDays = 30;

    /// <summary>The longest retention accepted, in days: the text may hold health data, kept no longer than its use needs.</summary>
    public const int MaxRejectedMessageDays = 90;

    /// <summary>The secret of the identity hash.</summary>
    public required byte[] IdentityHashKey { get; init; }

    /// <summary>How long a rejected message's text stays on <c>dossiers-intake-rejected</c> (the queue message's time to live); the rejection's row never holds it.</summary>
    public TimeSpan RejectedMessageRetention { get; init; } = TimeSpan.FromDays(DefaultRejectedMessageDays);

    /// <summary>
    /// Reads the settings; refuses, naming the setting, an identity hash key shorter than <see cref="MinIdentityHashKeyBytes"/>,
    /// no key at all outside Development, or a retention that is not a whole number of days from 1 to <see cref="MaxRejectedMessageDays"/>.
    /// </summary>
    public static IntakeSettings Read(IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new()
        {
            IdentityHashKey = IdentityKey(configuration[IdentityHashKeySetting], isDevelopment),
            RejectedMessageRetention = TimeSpan.FromDays(RejectedMessageDays(configuration[RejectedMessageDaysSetting])),
        };
    }

    private static int RejectedMessageDays(string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return DefaultRejectedMessageDays;
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxRejectedMessageDays
            ? days
            : throw new InvalidOperationException($"Setting Intake__RejectedMessageDays = '{configured}' is not a number of days from 1 to {MaxRejectedMessageDays}.");
    }

    private static byte[] IdentityKey(string? configured, bool isDevelopment)
    {
        if (string.IsNullOrEmpty(configured) && isDevelopment)
        {
            return Encoding.UTF8.GetBytes(DevelopmentIdentityHashKey);
        }

        var key = Encoding.UTF8.GetBytes(configured ?? string.Empty);
        return key.Length >= MinIdentityHashKeyBytes ? key : throw new InvalidOperationException(
            $"The app setting Guichet__IdentityHashKey is required outside Development: the secret (at least {MinIdentityHashKeyBytes} bytes of UTF-8) " +
            $"of the keyed hash that indexes identities for de-duplication; it has {key.Length}. In Azure it is the Key Vault secret identity-hash-key " +
            "(azd variable GUICHET_IDENTITY_HASH_KEY); changing it makes every identity already indexed unfindable.");
    }
}
