using System.Text.Json;

namespace Guichet.Infra.Tests;

/// <summary>
/// The settings the app reads, from local.settings.sample.json at test time: its <c>Values</c> name every setting,
/// its <c>LocalOnly</c> those that must not exist in Azure. Whatever lands there is checked against the Bicep.
/// </summary>
internal static class SampleSettings
{
    /// <summary>Settings Azure provides without the Bicep naming them, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformProvided = new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "injected by the Container Apps environment's managed OpenTelemetry agent",
    };

    /// <summary>The identity-based settings that replace the LocalOnly connection string in Azure.</summary>
    public static readonly IReadOnlyList<string> IdentityStorage =
        ["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId"];

    /// <summary>Every key of <c>Values</c>.</summary>
    public static IReadOnlyList<string> Values { get; } = Read(root => root.GetProperty(nameof(Values)).EnumerateObject().Select(p => p.Name).ToList());

    /// <summary>The keys of <c>LocalOnly</c>.</summary>
    public static IReadOnlyList<string> LocalOnly { get; } = Read(root => root.TryGetProperty(nameof(LocalOnly), out var local) ? local.EnumerateArray().Select(e => e.GetString()!).ToList() : []);

    /// <summary>The settings the Bicep must give the app and the job under the same name.</summary>
    public static IEnumerable<string> ForAzure => Values.Except(LocalOnly).Except(PlatformProvided.Keys);

    /// <summary>Theory data: one row per setting.</summary>
    public static TheoryData<string> Rows(IEnumerable<string> names) => [.. names];

    private static List<string> Read(Func<JsonElement, List<string>> select)
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(InfraPaths.File("local.settings.sample.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return select(document.RootElement);
    }
}
