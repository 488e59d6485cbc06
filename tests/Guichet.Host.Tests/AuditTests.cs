using System.Net;
using Guichet.Host.Security;
using Guichet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests;

/// <summary>
/// Every call under <c>/api</c> is written once to the <c>Guichet.Audit</c> log, refused (401, 403) and failed
/// (500) calls included (DESIGN §7), and nothing else is.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class AuditTests(AzuriteFixture azurite, SharedApp shared)
{
    private const string Category = "Guichet.Audit";

    private static string NewId() => "audit-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Reads_AreAudited_WithActorRouteAndInstance()
    {
        var app = await shared.GetAsync(azurite);
        var id = NewId();
        await app.Runtime.StartAsync(Workflows.CounterWorkflow.TypeName, id);
        using var admin = app.Admin();

        (await admin.GetAsync($"/api/instances/{id}/history")).Dispose();

        var line = await AuditLineAsync(app, id);
        Assert.Equal("read", line.Properties["Access"]);
        Assert.Equal("/api/instances/{instanceId}/history", line.Properties["Route"]);
        Assert.Equal("Alice (dev:alice)", line.Properties["Actor"]);
        Assert.Equal(Roles.ArsAdmin, line.Properties["Roles"]);
        Assert.Equal("ars-idf", line.Properties["Org"]);
        Assert.Equal(200, line.Properties["StatusCode"]);
        Assert.NotNull(line.Properties["CorrelationId"]);
    }

    [Fact]
    public async Task Call_WithoutToken_IsAuditedAs401_WithNoActor()
    {
        var app = await shared.GetAsync(azurite);
        var id = NewId();
        using var anonymous = app.ClientWith(null);

        using var response = await anonymous.GetAsync($"/api/instances/{id}/history");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = await AuditLineAsync(app, id);
        Assert.Equal(401, line.Properties["StatusCode"]);
        Assert.Null(line.Properties["Actor"]);
        Assert.Equal("", line.Properties["Roles"]);
        Assert.Null(line.Properties["Org"]);
        Assert.Equal("read", line.Properties["Access"]);
        Assert.Equal("GET", line.Properties["Method"]);
        Assert.Equal("/api/instances/{instanceId}/history", line.Properties["Route"]);
        Assert.NotNull(line.Properties["CorrelationId"]);
    }

    [Fact]
    public async Task Call_WithTokenLackingTheRole_IsAuditedAs403_WithTheCallersActor()
    {
        var app = await shared.GetAsync(azurite);
        var id = NewId();
        using var observatory = app.ClientWith(GuichetApp.Token([Roles.Observatory], org: "obs-idf", name: "Bob"));

        using var response = await observatory.PostAsync($"/api/instances/{id}/terminate?reason=essai", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var line = await AuditLineAsync(app, id);
        Assert.Equal(403, line.Properties["StatusCode"]);
        Assert.Equal("Bob (dev:bob)", line.Properties["Actor"]);
        Assert.Equal(Roles.Observatory, line.Properties["Roles"]);
        Assert.Equal("obs-idf", line.Properties["Org"]);
        Assert.Equal("write", line.Properties["Access"]);
        Assert.Equal("/api/instances/{instanceId}/terminate", line.Properties["Route"]);
    }

    [Fact]
    public async Task Call_WhoseHandlerThrows_IsAuditedAs500_WithTheExceptionType()
    {
        await using var app = new GuichetApp(azurite.Azurite);
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingApiPath>()));
        using var admin = failing.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", GuichetApp.Token([Roles.ArsAdmin]));

        using var response = await admin.GetAsync(FailingApiPath.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = await AuditLineAsync(app, route: FailingApiPath.Path);
        Assert.Equal(500, line.Properties["StatusCode"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, line.Properties["ExceptionType"]);
        Assert.Equal("Alice (dev:alice)", line.Properties["Actor"]);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, line.Level);
        Assert.DoesNotContain(FailingApiPath.Secret, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RefusedAsMalformed_IsAuditedWithTheClientError_NotAsAFailure()
    {
        var app = await shared.GetAsync(azurite);
        var id = NewId();
        await app.Runtime.StartAsync(Workflows.CounterWorkflow.TypeName, id);
        using var admin = app.Admin();

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", new StringContent("{\"amount\": 1,", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var line = await AuditLineAsync(app, id);
        Assert.Equal(400, line.Properties["StatusCode"]);
        Assert.Equal("Alice (dev:alice)", line.Properties["Actor"]);
    }

    [Fact]
    public async Task EveryApiGroup_IsAudited_OnceACall()
    {
        var app = await shared.GetAsync(azurite);
        var correlation = NewId();
        using var admin = app.Admin();
        admin.DefaultRequestHeaders.Add("x-correlation-id", correlation);

        (await admin.GetAsync("/api/dead-letters/no-such-queue")).Dispose();

        var line = await AuditLineAsync(app, correlationId: correlation);
        Assert.Equal("/api/dead-letters/{queue}", line.Properties["Route"]);
        Assert.Equal(404, line.Properties["StatusCode"]);
    }

    [Fact]
    public async Task CallsOutsideTheApi_AreNotAudited()
    {
        var app = await shared.GetAsync(azurite);
        using var anonymous = app.ClientWith(null);

        (await anonymous.GetAsync("/health")).Dispose();
        (await anonymous.GetAsync("/openapi/v1.json")).Dispose();
        (await anonymous.GetAsync("/apiary")).Dispose();

        Assert.DoesNotContain(app.Logs.Lines, l => l.Category == Category && l.Properties["Route"] is "/health" or "/openapi/v1.json" or "/apiary");
    }

    // The line is written once the response is complete, which the client may see first.
    private static async Task<CapturedLogs.LogLine> AuditLineAsync(GuichetApp app, string? instanceId = null, string? route = null, string? correlationId = null)
    {
        bool Matches(CapturedLogs.LogLine l) => l.Category == Category
            && (instanceId is null || Equals(l.Properties["InstanceId"], instanceId))
            && (route is null || Equals(l.Properties["Route"], route))
            && (correlationId is null || Equals(l.Properties.GetValueOrDefault("CorrelationId"), correlationId));
        await Eventually.HoldsAsync(() => Task.FromResult(app.Logs.Lines.Any(Matches)), "the call is audited", TimeSpan.FromSeconds(10));
        return Assert.Single(app.Logs.Lines, Matches);
    }

    /// <summary>A path under <c>/api</c> that no route maps, whose handling throws: a call that fails.</summary>
    private sealed class FailingApiPath : IStartupFilter
    {
        public const string Path = "/api/audit-tests/failure";
        public const string Secret = "detail that stays out of the audit line";

        // Added behind the app's own pipeline, so it runs inside authentication, audit and authorization.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) =>
                context.Request.Path == Path ? throw new InvalidOperationException(Secret) : rest(context));
        };
    }
}
