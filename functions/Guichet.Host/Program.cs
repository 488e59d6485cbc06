using Guichet.Host;
using Guichet.Host.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddFunctionsFiles(args, AppContext.BaseDirectory, builder.Environment.ContentRootPath, Directory.GetCurrentDirectory());
builder.AddGuichetServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// HTTP triggers
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

// Queue and timer triggers: the durable runtime's timer poller and outbox sweeper run as hosted services.
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Guichet unique listening on {Urls}; storage: {Storage}", string.Join(", ", app.Urls), app.Services.GetRequiredService<Guichet.Runtime.Storage.StorageClients>().Tables.Uri));

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
