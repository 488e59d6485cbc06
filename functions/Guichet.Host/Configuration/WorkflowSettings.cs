using Guichet.Runtime;

namespace Guichet.Host.Configuration;

/// <summary>Binds the runtime's options from host.json's <c>extensions:workflows</c> section.</summary>
public static class WorkflowSettings
{
    /// <summary>The section's path.</summary>
    public const string Section = FunctionsConfiguration.HostSection + ":extensions:workflows";

    /// <summary>Copies the configured values onto the options.</summary>
    public static void Bind(IConfiguration configuration, RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.GetSection(Section).Bind(options);
    }
}
