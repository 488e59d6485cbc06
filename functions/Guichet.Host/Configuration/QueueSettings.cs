using Guichet.Runtime.Queues;

namespace Guichet.Host.Configuration;

/// <summary>Reads the queue triggers' options from host.json's <c>extensions:queues</c> section (environment variables override).</summary>
public static class QueueSettings
{
    /// <summary>The section's path; <c>AzureFunctionsJobHost__extensions__queues__batchSize</c> overrides one value.</summary>
    public const string Section = FunctionsConfiguration.HostSection + ":extensions:queues";

    /// <summary>The configured options, validated; the defaults where a value is absent.</summary>
    public static QueueTriggerOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<QueueTriggerOptions>() ?? new QueueTriggerOptions();
        options.Validate();
        return options;
    }
}
