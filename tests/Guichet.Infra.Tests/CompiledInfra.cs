using System.Text.Json.Nodes;

namespace Guichet.Infra.Tests;

/// <summary>
/// Builds and lints every Bicep file of <c>infra/</c> once for the whole test run (each CLI run takes a couple
/// of seconds), reads the compiled main template, and takes a snapshot of main.bicep: the resources a
/// deployment would create, loops and lambdas evaluated offline by the Bicep CLI.
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
        (Snapshot, Predicted) = TakeSnapshot();
    }

    /// <summary>Every .bicep file, relative to <c>infra/</c>.</summary>
    public IReadOnlyList<string> BicepFiles { get; }

    /// <summary>The output of <c>bicep build</c> over every file.</summary>
    internal BicepRun Build { get; }

    /// <summary>The output of <c>bicep lint</c> over every file.</summary>
    internal BicepRun Lint { get; }

    /// <summary>The compiled main.bicep; fails when the build did not produce it.</summary>
    internal ArmTemplate Main => Template ?? throw new InvalidOperationException($"main.bicep did not compile:\n{Build.Output}");

    /// <summary>The output of <c>bicep snapshot</c> of main.bicep.</summary>
    internal BicepRun Snapshot { get; }

    /// <summary>
    /// The resources a deployment of main.bicep would create, with every value known before deployment
    /// evaluated (loops expanded, names computed); module outputs stay <c>[reference(…)]</c> expressions.
    /// Fails when the snapshot could not be taken.
    /// </summary>
    internal IReadOnlyList<ArmResource> PredictedResources => Predicted ?? throw new InvalidOperationException($"main.bicep has no snapshot:\n{Snapshot.Output}");

    private ArmTemplate? Template { get; }

    private IReadOnlyList<ArmResource>? Predicted { get; }

    /// <summary>Whether the build wrote the ARM JSON of a .bicep file (path relative to <c>infra/</c>).</summary>
    public bool Compiled(string bicepFile) => File.Exists(Path.Combine(_output, Path.ChangeExtension(bicepFile, ".json")));

    /// <summary>The predicted resources of a type.</summary>
    internal IReadOnlyList<ArmResource> Predict(string type) =>
        PredictedResources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(_output, recursive: true);

    // A parameters file for main.bicep beside the build output (a `using` path is relative), with fixed ids for
    // what a real deployment would take from Azure.
    private (BicepRun Run, IReadOnlyList<ArmResource>? Resources) TakeSnapshot()
    {
        var parameters = Path.Combine(_output, "main.bicepparam");
        var main = Path.GetRelativePath(_output, Path.Combine(InfraPaths.Infra, "main.bicep")).Replace('\\', '/');
        File.WriteAllText(parameters, $"using '{main}'\nparam environmentName = 'snapshot'\n");
        var run = BicepCli.Run(
            "snapshot", parameters, "--mode", "overwrite", "--config", Path.Combine(InfraPaths.Infra, "bicepconfig.json"),
            "--subscription-id", "00000000-0000-0000-0000-000000000001", "--tenant-id", "00000000-0000-0000-0000-000000000002",
            "--location", "francecentral");
        var snapshot = Path.ChangeExtension(parameters, ".snapshot.json");
        if (run.ExitCode != 0 || !File.Exists(snapshot))
        {
            return (run, null);
        }

        var resources = JsonNode.Parse(File.ReadAllText(snapshot))!["predictedResources"]!.AsArray()
            .Select(r => new ArmResource("snapshot", null, r!.AsObject(), new JsonObject()))
            .ToList();
        return (run, resources);
    }
}

/// <summary>The test classes sharing one compilation of <c>infra/</c>.</summary>
[CollectionDefinition(Name)]
public sealed class InfraGroup : ICollectionFixture<CompiledInfra>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Infra";
}
