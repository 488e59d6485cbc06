using System.Collections.Concurrent;
using System.Diagnostics;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>
/// One process of the crash host (the real host's entry point) on a hub of the test, with
/// the settings the host requires passed as environment variables, and its output drained so it never blocks.
/// </summary>
public sealed class CrashHostProcess : IDisposable
{
    private const int KeptLines = 50;

    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _lines = new();

    private CrashHostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data, ready: e.Data == "ready");
        _process.ErrorDataReceived += (_, e) => Keep(e.Data, ready: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The last lines it wrote, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, _lines);

    /// <summary>Starts a host and waits until it says it is ready (its listeners started).</summary>
    public static async Task<CrashHostProcess> StartAsync(Azurite azurite, string hub)
    {
        var host = new CrashHostProcess(Process.Start(StartInfo(azurite, hub)) ?? throw new InvalidOperationException("The crash host did not start."));
        var started = await Task.WhenAny(host._ready.Task, host._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60), TimeProvider.System));
        return started == host._ready.Task ? host : throw new InvalidOperationException($"The crash host did not get ready:{Environment.NewLine}{host.Output}");
    }

    /// <summary>The crash host's command line and settings on <paramref name="hub"/>, with <paramref name="args"/> (<c>run-timers</c> for the scheduled job).</summary>
    public static ProcessStartInfo StartInfo(Azurite azurite, string hub, params string[] args)
    {
        var directory = AppContext.BaseDirectory;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.Combine(directory, "Guichet.Runtime.CrashHost.dll") },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in Settings(azurite, hub))
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Kills the process at once, as a crash or an eviction would: nothing of it runs after.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>
    /// What the host requires (storage, hub, development auth, a free port), and what makes a crash test fast: a
    /// short visibility timeout so a killed host's messages come back soon, a short idle poll, a timer index re-read
    /// every two seconds (timers another host armed). The job logs what it did, which the test counts.
    /// </summary>
    private static Dictionary<string, string> Settings(Azurite azurite, string hub) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["AzureFunctionsJobHost__extensions__workflows__hubName"] = hub,
        ["AzureFunctionsJobHost__extensions__workflows__timerRefreshInterval"] = "00:00:02",
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:05",
        ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:01",
        ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "100",
        ["Auth__Mode"] = "Development",
        ["Guichet__HistoryKey"] = TestKeys.HistoryText,
        ["Guichet__IdentityHashKey"] = TestKeys.IdentityHashText,
        ["Auth__Audience"] = "api://guichet-crash-tests",
        ["Auth__DevelopmentSigningKey"] = "guichet-crash-tests-signing-key-0123456789abcdef",
        ["urls"] = "http://127.0.0.1:0",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Guichet.Runtime.Schedules.DueWorkRunner"] = "Information",
        ["CrashHost__ParentPid"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private void Keep(string? line, bool ready)
    {
        if (line is null)
        {
            return;
        }

        if (ready)
        {
            _ready.TrySetResult();
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
