using Guichet.Host;
using Guichet.Host.Commissions;
using Guichet.Host.Config;
using Guichet.Host.Configuration;
using Guichet.Host.DeadLetters;
using Guichet.Host.Demo;
using Guichet.Host.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.Instances;
using Guichet.Host.Placement;
using Guichet.Host.Readings;
using Guichet.Host.Refusals;
using Guichet.Host.Security;
using Guichet.Host.Stays;
using Guichet.Host.Structures;
using Guichet.Host.WaitingList;
using Guichet.Runtime.Schedules;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddFunctionsFiles(args, AppContext.BaseDirectory, builder.Environment.ContentRootPath, Directory.GetCurrentDirectory());
if (TokenCommand.IsInvoked(args))
{
    return TokenCommand.Run(args, builder.Configuration, TimeProvider.System, Console.Out, Console.Error);
}

builder.AddGuichetServices();

// Queue and timer triggers, every one listed in TriggerRegistration.cs (the durable runtime's own timer poller and
// outbox sweeper run as hosted services; the sweep of other hosts' unfinished work is the scheduled job's, below).
builder.Services.AddGuichetTriggers();

// Demonstration: fictional requests put on dossiers-intake for a running app to take, then exit.
if (DemoCommand.IsInvoked(args))
{
    await using var demo = builder.Build();
    return await DemoCommand.RunAsync(args, demo.Services.GetRequiredService<Guichet.Runtime.Storage.StorageClients>(), TimeProvider.System, Console.Out, Console.Error);
}

// One-shot mode for a scheduled job while the app is scaled to zero: all due timer work, then exit (no HTTP, no listeners).
if (args is ["run-timers"])
{
    await using var job = builder.Build();
    await job.Services.GetRequiredService<DueWorkRunner>().RunDueOnceAsync();
    return 0;
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseGuichetHttp();

// HTTP triggers
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApiDocument();
app.MapDossiersApi();
app.MapDuplicatesApi();
app.MapReadingsApi();
app.MapInstancesApi();
app.MapDeadLettersApi();
app.MapPriorityGridApi();
app.MapWaitingListApi();
app.MapCommissionsApi();
app.MapStructuresApi();
app.MapVacanciesApi();
app.MapCandidaciesApi();
app.MapStaysApi();
app.MapContestedRefusalsApi();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Guichet unique listening on {Urls}; storage: {Storage}", string.Join(", ", app.Urls), app.Services.GetRequiredService<Guichet.Runtime.Storage.StorageClients>().Tables.Uri));

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
