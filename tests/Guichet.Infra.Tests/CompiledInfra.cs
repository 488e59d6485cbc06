namespace Guichet.Infra.Tests;

/// <summary>
/// Builds and lints every Bicep file of <c>infra/</c> once for the whole test run (each CLI run takes a couple
/// of seconds), and reads the compiled main template.
/// </summary>
public sealed class CompiledInfra : IDisposable
{
    private const string Pattern = "infra/**/*.bicep";
    private readonly string _output = Directory.CreateTempSubdirectory("guichet-infra-").FullName;

    /// <summary>Compiles and lints; the results are kept whatever they are, for the tests to judge.</summary>
    public CompiledInfra()
    {
        BicepFiles = Directory.GetFiles(InfraPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(InfraPaths.Infra, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        Build = BicepCli.Run("build", "--pattern", Pattern, "--outdir", _output, "--no-restore");
        Lint = BicepCli.Run("lint", "--pattern", Pattern, "--no-restore");
        var main = Path.Combine(_output, "main.json");
        Template = File.Exists(main) ? ArmTemplate.Parse(File.ReadAllText(main)) : null;
    }

    /// <summary>Every .bicep file, relative to <c>infra/</c>.</summary>
    public IReadOnlyList<string> BicepFiles { get; }

    /// <summary>The output of <c>bicep build</c> over every file.</summary>
    internal BicepRun Build { get; }

    /// <summary>The output of <c>bicep lint</c> over every file.</summary>
    internal BicepRun Lint { get; }

    /// <summary>The compiled main.bicep; fails when the build did not produce it.</summary>
    internal ArmTemplate Main => Template ?? throw new InvalidOperationException($"main.bicep did not compile:\n{Build.Output}");

    private ArmTemplate? Template { get; }

    /// <summary>Whether the build wrote the ARM JSON of a .bicep file (path relative to <c>infra/</c>).</summary>
    public bool Compiled(string bicepFile) => File.Exists(Path.Combine(_output, Path.ChangeExtension(bicepFile, ".json")));

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(_output, recursive: true);
}

/// <summary>The test classes sharing one compilation of <c>infra/</c>.</summary>
[CollectionDefinition(Name)]
public sealed class InfraGroup : ICollectionFixture<CompiledInfra>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Infra";
}
