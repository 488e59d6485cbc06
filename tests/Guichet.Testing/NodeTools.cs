using System.Diagnostics;

namespace Guichet.Testing;

/// <summary>
/// The npm development tools of a directory holding <c>package.json</c> (for the repository: Azurite and the
/// OpenAPI linter), installed on first use. When a tool is missing from <c>node_modules/.bin</c>, <c>npm ci</c>
/// runs in that directory, at most once per instance and one process at a time, so that a benchmark or a test
/// run needs no setup step beforehand.
/// </summary>
public sealed class NodeTools
{
    private static readonly Lazy<NodeTools> ForRepository = new(() => new NodeTools(FindRoot()));

    private readonly Lock _gate = new();
    private string? _installFailure;
    private bool _installed;

    /// <summary>The tools of <paramref name="root"/>, a directory holding <c>package.json</c> and <c>package-lock.json</c>.</summary>
    public NodeTools(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The repository's tools: its root is the nearest directory above the running assembly that holds <c>package.json</c>.</summary>
    public static NodeTools Repository => ForRepository.Value;

    /// <summary>The directory holding <c>package.json</c> and <c>node_modules</c>.</summary>
    public string Root { get; }

    /// <summary>
    /// The path of a tool of <c>node_modules/.bin</c>, after installing the npm dev dependencies when it is
    /// missing; fails with npm's output when <c>npm ci</c> fails, and without a second try on later calls.
    /// </summary>
    public string Executable(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var executable = Path.Combine(Root, "node_modules", ".bin", name);
        lock (_gate)
        {
            if (!File.Exists(executable))
            {
                Install(executable);
            }
        }

        return File.Exists(executable)
            ? executable
            : throw new FileNotFoundException($"'npm ci' ran in {Root} but node_modules/.bin/{name} is still missing: is it a devDependency of package.json?", executable);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException($"No package.json above {AppContext.BaseDirectory}: the npm dev tools cannot be installed.");
    }

    // The caller holds _gate. A failure is remembered, so that every later caller gets the same reason instead
    // of a second install.
    private void Install(string executable)
    {
        if (_installFailure is not null)
        {
            throw new InvalidOperationException(_installFailure);
        }

        if (_installed)
        {
            return;
        }

        using (CrossProcessLock())
        {
            // Another process may have installed while this one waited; a second 'npm ci' would delete its tools.
            if (File.Exists(executable))
            {
                return;
            }

            var (exitCode, output) = RunNpmCi();
            if (exitCode != 0)
            {
                _installFailure = $"'npm ci' failed with exit code {exitCode} in {Root}:\n{output}";
                throw new InvalidOperationException(_installFailure);
            }
        }

        _installed = true;
    }

    private (int ExitCode, string Output) RunNpmCi()
    {
        var info = new ProcessStartInfo("npm")
        {
            ArgumentList = { "ci", "--no-audit", "--no-fund", "--loglevel=error" },
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("'npm' did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            _installFailure = $"'npm' could not be started ({ex.Message}): install node and npm to get the tools of {Path.Combine(Root, "package.json")}.";
            throw new InvalidOperationException(_installFailure, ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.GetAwaiter().GetResult() + error);
        }
    }

    // Test projects run in parallel processes: two 'npm ci' in one directory would delete each other's files.
    // The lock is package.json held open exclusively (flock on Unix, advisory: npm still reads it), released
    // when the process ends, however it ends.
    private FileStream CrossProcessLock()
    {
        var path = Path.Combine(Root, "package.json");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (IOException ex) when (ex is not FileNotFoundException && waited.Elapsed < TimeSpan.FromMinutes(10))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
