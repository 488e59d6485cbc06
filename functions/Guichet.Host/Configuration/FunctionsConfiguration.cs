using System.Text.Json;

namespace Guichet.Host.Configuration;

/// <summary>
/// Reads configuration the way Azure Functions developers expect: <c>host.json</c> under the
/// <c>AzureFunctionsJobHost</c> section, <c>local.settings.json</c>'s <c>Values</c> as app settings (with
/// <c>__</c> as the section separator), then environment variables and the command line override both.
/// </summary>
public static class FunctionsConfiguration
{
    /// <summary>The section host.json is read into; <c>AzureFunctionsJobHost__extensions__queues__batchSize</c> overrides it.</summary>
    public const string HostSection = "AzureFunctionsJobHost";

    /// <summary>Adds host.json and local.settings.json below the sources already there, and re-adds the overrides above them.</summary>
    public static void AddFunctionsFiles(this ConfigurationManager configuration, string[] args, params string[] directories)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var host = Find("host.json", directories);
        var local = Find("local.settings.json", directories);
        if (host is not null)
        {
            configuration.AddInMemoryCollection(Flatten(File.ReadAllText(host), HostSection));
        }

        if (local is not null)
        {
            configuration.AddInMemoryCollection(LocalValues(File.ReadAllText(local)));
        }

        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }

    /// <summary>The <c>Values</c> of a local.settings.json, with <c>__</c> turned into <c>:</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> LocalValues(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values))
        {
            return [];
        }

        return values.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value.ToString()))
            .ToList();
    }

    /// <summary>Flattens a JSON document into configuration keys under a prefix.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Flatten(string json, string prefix)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var pairs = new List<KeyValuePair<string, string?>>();
        Flatten(document.RootElement, prefix, pairs);
        return pairs;
    }

    private static void Flatten(JsonElement element, string path, List<KeyValuePair<string, string?>> pairs)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{path}:{property.Name}", pairs);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{path}:{index++}", pairs);
                }

                break;
            default:
                pairs.Add(KeyValuePair.Create(path, element.ValueKind == JsonValueKind.Null ? null : (string?)element.ToString()));
                break;
        }
    }

    private static string? Find(string file, string[] directories) =>
        directories.Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);
}
