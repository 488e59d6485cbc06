using System.Reflection;

namespace Guichet.Infra.Tests;

/// <summary>Where the repository, its <c>infra/</c> folder and the Bicep CLI restored from NuGet are.</summary>
internal static class InfraPaths
{
    /// <summary>The repository's root, as the build saw it.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The Bicep files, <c>main.parameters.json</c> and <c>bicepconfig.json</c>.</summary>
    public static string Infra { get; } = Path.Combine(RepositoryRoot, "infra");

    /// <summary>The <c>bicep</c> executable of the Azure.Bicep.CommandLine.linux-x64 package.</summary>
    public static string Bicep { get; } = Metadata("BicepPath");

    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string File(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string Metadata(string key) =>
        typeof(InfraPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing: see Guichet.Infra.Tests.csproj.");
}
