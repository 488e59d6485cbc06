using System.Diagnostics;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>
/// The one-shot command the scheduled Container Apps Job runs: the real host binary, started as a process
/// with <c>run-timers</c>, does the due timer work once against storage and exits 0.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class RunTimersCommandTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 120_000)]
    public async Task RunTimers_OnAStoreWithNothingDue_DoesItsOneCheck_AndExitsZero()
    {
        var hub = UniqueNames.Hub();

        var first = await RunAsync(hub);
        var second = await RunAsync(hub);

        // The job creates nothing: where the runtime never ran, no work can be due.
        var tables = azurite.Azurite.Clients().Tables.QueryAsync(t => t.Name == hub + "Work");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Empty(await tables.ToListAsync());
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string hub)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "Guichet.Host.dll"), "run-timers" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
            Environment =
            {
                ["AzureWebJobsStorage"] = azurite.Azurite.ConnectionString,
                ["AzureFunctionsJobHost__extensions__workflows__hubName"] = hub,
                ["Auth__Mode"] = "Development",
                ["Auth__Audience"] = GuichetApp.Audience,
                ["Auth__DevelopmentSigningKey"] = GuichetApp.SigningKey,
                ["Guichet__HistoryKey"] = TestKeys.HistoryText,
                ["Guichet__IdentityHashKey"] = TestKeys.IdentityHashText,
            },
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return (process.ExitCode, await output + await errors);
    }
}
