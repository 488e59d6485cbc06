using Guichet.Deciders;
using Guichet.Host;
using Guichet.Host.Configuration;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Schedules;

namespace Guichet.Runtime.CrashHost;

/// <summary>
/// The host as the app's Program.cs composes it (settings, services, the WorkflowEvents queue trigger, the
/// OutboxSweep timer trigger, the runtime's timer poller and outbox sweeper), listening on the queue named by
/// <c>CrashHost:Queue</c>, with the ledger workflow registered. It prints "ready" once started; the crash tests
/// kill it at any moment.
/// </summary>
public static class CrashHostProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddFunctionsFiles(args, AppContext.BaseDirectory, builder.Environment.ContentRootPath, Directory.GetCurrentDirectory());
        builder.AddGuichetServices();
        builder.Services.AddSingleton<IDecider, LedgerWorkflow>();

        var queue = builder.Configuration["CrashHost:Queue"] ?? WorkflowEventsHandler.QueueName;
        builder.Services.AddQueueTrigger<WorkflowEventsHandler>("WorkflowEvents", queue);
        builder.Services.AddTimerTrigger("OutboxSweep", "0 */30 * * * *", (sp, _, ct) => sp.GetRequiredService<WorkflowRuntime>().SweepOutboxAsync(ct));

        await using var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("ready"));
        _ = ExitWithParentAsync(builder.Configuration["CrashHost:ParentPid"]);
        await app.RunAsync();
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
