using System.Text;
using Guichet.Runtime;

namespace Guichet.Host.Configuration;

/// <summary>Binds the runtime's options from host.json's <c>extensions:workflows</c> section, and its history key from the app settings.</summary>
public static class WorkflowSettings
{
    /// <summary>The section's path.</summary>
    public const string Section = FunctionsConfiguration.HostSection + ":extensions:workflows";

    /// <summary>The app setting <c>Guichet__HistoryKey</c>: the secret that keys the history chain (a Key Vault secret in Azure).</summary>
    public const string HistoryKey = "Guichet:HistoryKey";

    /// <summary>
    /// The app setting <c>Guichet__RetiredHistoryKeys</c>: keys the history chain was sealed with before a rotation,
    /// separated by semicolons, so that entries sealed with them still verify (Key Vault in Azure).
    /// </summary>
    public const string RetiredHistoryKeys = "Guichet:RetiredHistoryKeys";

    /// <summary>Copies the configured values onto the options; refuses, naming the setting, a history key missing or shorter than 32 bytes.</summary>
    public static void Bind(IConfiguration configuration, RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        configuration.GetSection(Section).Bind(options);
        var key = Encoding.UTF8.GetBytes(configuration[HistoryKey] ?? string.Empty);
        if (key.Length < RuntimeOptions.MinHistoryKeyBytes)
        {
            throw new InvalidOperationException(
                $"The app setting Guichet__HistoryKey is required: the secret (at least {RuntimeOptions.MinHistoryKeyBytes} bytes of UTF-8) that keys " +
                $"the hash chain of every instance history; it has {key.Length}. In Azure it is the Key Vault secret history-key (azd variable GUICHET_HISTORY_KEY).");
        }

        options.HistoryKey = key;
        options.RetiredHistoryKeys.Clear();
        foreach (var retired in (configuration[RetiredHistoryKeys] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.RetiredHistoryKeys.Add(Encoding.UTF8.GetBytes(retired));
        }
    }
}
