using System.Globalization;
using System.Text;
using Guichet.Domain;

namespace Guichet.Host.Intake;

/// <summary>
/// What the intake reads from the app settings: the secret of the keyed identity hash, and from which date each
/// device takes requests (ACT goes live first; LHSS and LAM follow, each enabled by configuration).
/// </summary>
public sealed record IntakeSettings
{
    /// <summary>The app setting <c>Guichet__IdentityHashKey</c>: the secret the identity index is hashed with (a Key Vault secret in Azure).</summary>
    public const string IdentityHashKeySetting = "Guichet:IdentityHashKey";

    /// <summary>The section of the devices' opening dates: <c>Devices__ACT__OpenFrom=2026-01-01</c>.</summary>
    public const string DevicesSection = "Devices";

    /// <summary>The shortest identity hash key accepted, in UTF-8 bytes (the HMAC-SHA256 block is 64; 32 is its strength).</summary>
    public const int MinIdentityHashKeyBytes = 32;

    /// <summary>The key used in Development when none is configured: not a secret, never accepted elsewhere.</summary>
    public const string DevelopmentIdentityHashKey = "local-development-identity-hash-key-not-a-secret";

    /// <summary>The secret of the identity hash.</summary>
    public required byte[] IdentityHashKey { get; init; }

    /// <summary>The first day each open device takes requests; a device absent here takes none.</summary>
    public required IReadOnlyDictionary<Device, DateOnly> OpenFrom { get; init; }

    /// <summary>
    /// Reads the settings; refuses, naming the setting, an opening date that is not <c>YYYY-MM-DD</c>, an identity hash
    /// key shorter than <see cref="MinIdentityHashKeyBytes"/>, or no key at all outside Development.
    /// </summary>
    public static IntakeSettings Read(IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var openFrom = new Dictionary<Device, DateOnly>();
        foreach (var device in Enum.GetValues<Device>())
        {
            var setting = $"{DevicesSection}:{WireName.Of(device)}:OpenFrom";
            if (configuration[setting] is not { Length: > 0 } text)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidOperationException($"The app setting {setting.Replace(":", "__", StringComparison.Ordinal)} must be a date YYYY-MM-DD (the first day the device takes requests), not '{text}'.");
            }

            openFrom[device] = date;
        }

        return new() { IdentityHashKey = IdentityKey(configuration[IdentityHashKeySetting], isDevelopment), OpenFrom = openFrom };
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
