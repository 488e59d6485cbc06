namespace Guichet.Infra.Tests;

/// <summary>Every Bicep file builds and lints with no diagnostic at all. <c>bicep build</c> exits 0 on
/// warnings, so its output is read, not only its exit code.</summary>
[Collection(InfraGroup.Name)]
public sealed class BicepDiagnosticsTests(CompiledInfra infra)
{
    [Fact]
    public void Build_EveryFile_NoWarningNoError()
    {
        Assert.Equal(0, infra.Build.ExitCode);
        Assert.Empty(infra.Build.Diagnostics);
        Assert.Equal(string.Empty, infra.Build.Output.Trim());
    }

    [Fact]
    public void Build_EveryFile_WritesItsTemplate()
    {
        Assert.Contains("main.bicep", infra.BicepFiles);
        Assert.All(infra.BicepFiles, file => Assert.True(infra.Compiled(file), $"{file} was not compiled."));
    }

    [Fact]
    public void Snapshot_Main_PredictsEveryResource()
    {
        Assert.Equal(0, infra.Snapshot.ExitCode);
        Assert.Empty(infra.Snapshot.Diagnostics);
        var declared = infra.Main.Resources.Where(r => !r.IsExisting && r.Type != "Microsoft.Resources/deployments").Select(r => r.Type).ToHashSet();
        Assert.Equal(declared, infra.PredictedResources.Select(r => r.Type).ToHashSet());
    }

    [Fact]
    public void Lint_EveryFile_NoWarningNoError()
    {
        Assert.Equal(0, infra.Lint.ExitCode);
        Assert.Empty(infra.Lint.Diagnostics);
        Assert.Equal(string.Empty, infra.Lint.Output.Trim());
    }

    // An empty output proves nothing unless the linter, with infra/'s configuration, does report problems.
    [Fact]
    public void Lint_HardCodedLocation_IsReported()
    {
        var directory = Directory.CreateTempSubdirectory("guichet-lint-").FullName;
        try
        {
            var file = Path.Combine(directory, "bad.bicep");
            File.WriteAllText(file, "param unused string\nresource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {\n  name: 'id'\n  location: 'westeurope'\n}\n");
            var run = BicepCli.Run("lint", file, "--config", Path.Combine(InfraPaths.Infra, "bicepconfig.json"));

            Assert.Contains(run.Diagnostics, d => d.Contains("Warning no-unused-params", StringComparison.Ordinal));
            Assert.Contains(run.Diagnostics, d => d.Contains("Error no-hardcoded-location", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
