using System.Diagnostics;
using System.Text.RegularExpressions;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>
/// The deployment's scheduled job (the host's one-shot <c>run-timers</c> mode, each minute in Azure) run as a process
/// of the crash host every <c>interval</c> while hosts live and die: it fires the due durable timers and finishes the
/// pending work of the hosts killed, racing the live ones. A run that exits with an error is kept for the test to report.
/// </summary>
public sealed partial class CrashDueWorkJob : IAsyncDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _failures = [];
    private Task _loop = Task.CompletedTask;

    private CrashDueWorkJob()
    {
    }

    /// <summary>How many runs ended.</summary>
    public int Runs { get; private set; }

    /// <summary>How many runs found pending work marked and swept it (a killed host's, or a live one's in flight).</summary>
    public int RunsThatSwept { get; private set; }

    /// <summary>How long the longest run took, start of the process to its exit.</summary>
    public TimeSpan Longest { get; private set; }

    /// <summary>The output of each run that did not exit 0.</summary>
    public IReadOnlyList<string> Failures => _failures;

    public static CrashDueWorkJob Start(Azurite azurite, string hub, TimeSpan interval)
    {
        var job = new CrashDueWorkJob();
        job._loop = job.LoopAsync(azurite, hub, interval, job._stop.Token);
        return job;
    }

    /// <summary>Lets the run under way finish, and starts no other.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(Azurite azurite, string hub, TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await RunOnceAsync(azurite, hub);
            await Task.Delay(interval, TimeProvider.System, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunOnceAsync(Azurite azurite, string hub)
    {
        var started = Stopwatch.StartNew();
        using var process = Process.Start(CrashHostProcess.StartInfo(azurite, hub, "run-timers")) ?? throw new InvalidOperationException("The job did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(RunTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            _failures.Add($"still running after {RunTimeout}");
        }

        var text = await output + await errors;
        Runs++;
        Longest = started.Elapsed > Longest ? started.Elapsed : Longest;
        if (process.ExitCode != 0)
        {
            _failures.Add($"exit code {process.ExitCode}:{Environment.NewLine}{text}");
        }
        else if (Swept().Match(text) is { Success: true } swept && swept.Groups[1].Value != "0")
        {
            RunsThatSwept++;
        }
    }

    [GeneratedRegex(@"outboxes swept (\d+)")]
    private static partial Regex Swept();
}
