using System.Text.Json;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>
/// The npm tools the tests and benchmarks run (Azurite, the OpenAPI linter) install themselves when missing:
/// each test builds a small package of its own in a temporary directory, with a local tool npm installs offline.
/// </summary>
public sealed class NodeToolsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("guichet-node-tools-");

    [Fact]
    public void Executable_ToolMissing_RunsNpmCiAndReturnsTheInstalledTool()
    {
        WritePackage(withLock: true);
        var tools = new NodeTools(_root.FullName);

        var executable = tools.Executable("hello-tool");

        Assert.Equal(Path.Combine(_root.FullName, "node_modules", ".bin", "hello-tool"), executable);
        Assert.True(File.Exists(executable));
    }

    [Fact]
    public void Executable_AfterOneInstall_DoesNotInstallAgain_AndNamesTheMissingTool()
    {
        WritePackage(withLock: true);
        var tools = new NodeTools(_root.FullName);
        tools.Executable("hello-tool");
        Directory.Delete(Path.Combine(_root.FullName, "node_modules"), recursive: true);

        var missing = Assert.Throws<FileNotFoundException>(() => tools.Executable("hello-tool"));

        Assert.Contains("node_modules/.bin/hello-tool is still missing", missing.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "node_modules")));
    }

    [Fact]
    public void Executable_NpmCiFails_ThrowsWithNpmOutput_AndTheSameReasonLater()
    {
        WritePackage(withLock: false);
        var tools = new NodeTools(_root.FullName);

        var failure = Assert.Throws<InvalidOperationException>(() => tools.Executable("hello-tool"));
        var again = Assert.Throws<InvalidOperationException>(() => tools.Executable("hello-tool"));

        Assert.StartsWith("'npm ci' failed with exit code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("package-lock.json", failure.Message, StringComparison.Ordinal);
        Assert.Equal(failure.Message, again.Message);
    }

    // Test projects run in parallel processes; the lock is package.json held exclusively (flock), which a second
    // handle in this process contends for like another process would.
    [Fact(Timeout = 60_000)]
    public async Task Executable_WhileAnotherInstallHoldsTheLock_WaitsForIt_ThenInstalls()
    {
        WritePackage(withLock: true);
        var tools = new NodeTools(_root.FullName);
        var installing = new FileStream(Path.Combine(_root.FullName, "package.json"), FileMode.Open, FileAccess.Read, FileShare.None);

        var executable = Task.Run(() => tools.Executable("hello-tool"));
        await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
        var waited = !executable.IsCompleted && !Directory.Exists(Path.Combine(_root.FullName, "node_modules"));
        await installing.DisposeAsync();

        Assert.True(waited, "npm ci ran while another install held the lock.");
        Assert.True(File.Exists(await executable));
    }

    [Fact]
    public void Repository_RootHoldsThePackageOfTheDevTools()
    {
        var root = NodeTools.Repository.Root;

        Assert.True(File.Exists(Path.Combine(root, "package.json")));
        Assert.True(File.Exists(Path.Combine(root, "Functions.sln")));
    }

    public void Dispose() => _root.Delete(recursive: true);

    // A package depending on a local directory package with a bin entry: 'npm ci' links it without the registry.
    private void WritePackage(bool withLock)
    {
        var tool = _root.CreateSubdirectory("hello-tool");
        Write(Path.Combine(tool.FullName, "package.json"), new { name = "hello-tool", version = "1.0.0", bin = new Dictionary<string, string> { ["hello-tool"] = "cli.js" } });
        File.WriteAllText(Path.Combine(tool.FullName, "cli.js"), "#!/usr/bin/env node\nconsole.log('hello');\n");
        var devDependencies = new Dictionary<string, string> { ["hello-tool"] = "file:hello-tool" };
        Write(Path.Combine(_root.FullName, "package.json"), new { name = "node-tools-test", version = "1.0.0", @private = true, devDependencies });
        if (withLock)
        {
            Write(Path.Combine(_root.FullName, "package-lock.json"), new Dictionary<string, object>
            {
                ["name"] = "node-tools-test",
                ["version"] = "1.0.0",
                ["lockfileVersion"] = 3,
                ["requires"] = true,
                ["packages"] = new Dictionary<string, object>
                {
                    [""] = new { name = "node-tools-test", version = "1.0.0", devDependencies },
                    ["hello-tool"] = new { version = "1.0.0", dev = true, bin = new Dictionary<string, string> { ["hello-tool"] = "cli.js" } },
                    ["node_modules/hello-tool"] = new { resolved = "hello-tool", link = true },
                },
            });
        }
    }

    private static void Write(string path, object value) => File.WriteAllText(path, JsonSerializer.Serialize(value));
}
