using Guichet.Deciders;
using Guichet.Host.Configuration;
using Guichet.Testing.AzureRules;

namespace Guichet.Runtime.CrashHost;

/// <summary>
/// The crash tests' host process: the app's own entry point (Guichet.Host's Program.cs) run as is, so it composes
/// exactly what the app composes (settings, services, every queue and timer trigger, the runtime's timer poller and
/// outbox sweeper, and the <c>run-timers</c> one-shot mode of the scheduled job), with three additions made as the
/// host is built: the ledger workflow, storage clients that refuse what Azure would refuse, and a "ready" line once
/// started. The crash tests kill it at any moment.
/// </summary>
public static class CrashHostProgram
{
    public static int Main(string[] args)
    {
        using var hook = HostBuildingHook.Install(services =>
        {
            services.AddSingleton<IDecider, LedgerWorkflow>();
            services.AddSingleton(sp => RuledClients.For(sp.GetRequiredService<IConfiguration>()[StorageConnection.Setting]
                ?? throw new InvalidOperationException($"The crash host needs {StorageConnection.Setting}.")));
            services.AddHostedService<ReadySignal>();
        });
        _ = ExitWithParentAsync(Environment.GetEnvironmentVariable("CrashHost__ParentPid"));
        // The compiler's synchronous entry point around the app's top-level statements: it returns once the app has ended.
        var entryPoint = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("Guichet.Host has no entry point.");
        return (int)entryPoint.Invoke(null, System.Reflection.BindingFlags.DoNotWrapExceptions, binder: null, [args], culture: null)!;
    }

    /// <summary>A test that timed out leaves no host behind: the host exits once the test process is gone.</summary>
    private static async Task ExitWithParentAsync(string? parentPid)
    {
        if (!int.TryParse(parentPid, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        using var parent = System.Diagnostics.Process.GetProcessById(pid);
        await parent.WaitForExitAsync();
        Environment.Exit(3);
    }
}
