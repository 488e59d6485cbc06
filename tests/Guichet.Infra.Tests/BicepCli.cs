using System.Diagnostics;

namespace Guichet.Infra.Tests;

/// <summary>What one run of the Bicep CLI printed: every diagnostic (warnings included) goes to its output.</summary>
internal sealed record BicepRun(int ExitCode, string Output)
{
    /// <summary>The printed lines that are diagnostics: "file(line,col) : Warning|Error|Info rule: message".</summary>
    public IReadOnlyList<string> Diagnostics =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal) || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();
}

/// <summary>Runs the Bicep CLI of the NuGet package, offline: nothing here needs a module registry.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>bicep</c> with the arguments from the repository's root; stdout and stderr together.</summary>
    public static BicepRun Run(params string[] arguments)
    {
        EnsureExecutable();
        var start = new ProcessStartInfo(InfraPaths.Bicep)
        {
            WorkingDirectory = InfraPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {InfraPaths.Bicep}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(process.ExitCode, stdout.Result + stderr.Result);
    }

    // NuGet extracts package files without their Unix mode on some machines.
    private static void EnsureExecutable()
    {
        if (!File.Exists(InfraPaths.Bicep))
        {
            throw new FileNotFoundException("The Bicep CLI is missing: restore Guichet.Infra.Tests (Azure.Bicep.CommandLine.linux-x64).", InfraPaths.Bicep);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(InfraPaths.Bicep);
        var execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(InfraPaths.Bicep, mode | execute);
        }
    }
}
