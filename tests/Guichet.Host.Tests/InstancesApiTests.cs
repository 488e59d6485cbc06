using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Host.Tests.Workflows;
using Guichet.Runtime.Instances;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>The instance management API end to end: the status codes of the Durable Functions HTTP API, and the history.</summary>
[Collection(HostGroup.Name)]
public sealed class InstancesApiTests(AzuriteFixture azurite, SharedApp shared)
{
    private static string NewId() => "it-" + Guid.NewGuid().ToString("N")[..12];

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private async Task<(GuichetApp App, HttpClient Admin, string Id)> StartAsync()
    {
        var app = await shared.GetAsync(azurite);
        var id = NewId();
        await app.Runtime.StartAsync(CounterWorkflow.TypeName, id);
        return (app, app.Admin(), id);
    }

    [Fact]
    public async Task GetStatus_WhileRunning_Is202WithLocationRetryAfterAndManagementUris()
    {
        var (_, admin, id) = await StartAsync();

        using var response = await admin.GetAsync($"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"http://localhost/api/instances/{id}", response.Headers.Location?.ToString());
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, status.GetProperty("instanceId").GetString());
        Assert.Equal(CounterWorkflow.TypeName, status.GetProperty("name").GetString());
        Assert.Equal("Running", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Open", status.GetProperty("customStatus").GetString());
        Assert.Equal($"http://localhost/api/instances/{id}/events/{{eventName}}", status.GetProperty("sendEventPostUri").GetString());
        Assert.Equal($"http://localhost/api/instances/{id}/terminate?reason={{text}}", status.GetProperty("terminatePostUri").GetString());
        Assert.Equal($"http://localhost/api/instances/{id}", status.GetProperty("purgeHistoryDeleteUri").GetString());
        Assert.False(status.TryGetProperty("input", out _));
    }

    [Fact]
    public async Task Lifecycle_EventsThenClose_IsAcceptedThen200ThenGone()
    {
        var (_, admin, id) = await StartAsync();

        using var added = await admin.PostAsync($"/api/instances/{id}/events/add", Json(new { amount = 2 }));
        using var closed = await admin.PostAsync($"/api/instances/{id}/events/close", null);
        using var finished = await admin.GetAsync($"/api/instances/{id}?showInput=true");
        using var late = await admin.PostAsync($"/api/instances/{id}/events/add", Json(new { amount = 1 }));
        using var terminate = await admin.PostAsync($"/api/instances/{id}/terminate?reason=trop%20tard", null);

        Assert.Equal(HttpStatusCode.Accepted, added.StatusCode);
        Assert.Equal("Applied", (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        var status = await finished.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(2, status.GetProperty("output").GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, terminate.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownInstance_Is404ForEveryOperation_AndAnEventToItIsRefused()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();
        var id = NewId();

        HttpResponseMessage[] responses =
        [
            await admin.GetAsync($"/api/instances/{id}"),
            await admin.GetAsync($"/api/instances/{id}/history"),
            await admin.GetAsync($"/api/instances/{id}/history/verification"),
            await admin.PostAsync($"/api/instances/{id}/events/add", Json(new { amount = 1 })),
            await admin.PostAsync($"/api/instances/{id}/terminate?reason=x", null),
            await admin.PostAsync($"/api/instances/{id}/suspend", null),
            await admin.PostAsync($"/api/instances/{id}/resume", null),
            await admin.DeleteAsync($"/api/instances/{id}"),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Null(await app.Runtime.GetStatusAsync(id));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SuspendThenEvent_IsBuffered_AndResumeAppliesIt()
    {
        var (app, admin, id) = await StartAsync();

        using var suspended = await admin.PostAsync($"/api/instances/{id}/suspend?reason=contr%C3%B4le", null);
        using var buffered = await admin.PostAsync($"/api/instances/{id}/events/add", Json(new { amount = 5 }));
        using var resumed = await admin.PostAsync($"/api/instances/{id}/resume", Json(new { reason = "fin du contrôle" }));

        Assert.Equal(HttpStatusCode.Accepted, suspended.StatusCode);
        Assert.Equal("Suspended", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runtimeStatus").GetString());
        Assert.Equal("Buffered", (await buffered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        var status = await app.Runtime.GetStatusAsync(id, withData: true);
        Assert.Equal(RuntimeStatus.Running, status!.RuntimeStatus);
        Assert.Equal(5, status.State!.Value.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Terminate_WithoutReason_Is400NamingReason_WithReason_Terminates()
    {
        var (_, admin, id) = await StartAsync();

        using var refused = await admin.PostAsync($"/api/instances/{id}/terminate", null);
        using var done = await admin.PostAsync($"/api/instances/{id}/terminate", Json(new { reason = "doublon" }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Accepted, done.StatusCode);
        Assert.Equal("Terminated", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task Purge_RunningIs409_FinishedIsDeleted()
    {
        var (_, admin, id) = await StartAsync();

        using var running = await admin.DeleteAsync($"/api/instances/{id}");
        (await admin.PostAsync($"/api/instances/{id}/terminate?reason=purge", null)).Dispose();
        using var purged = await admin.DeleteAsync($"/api/instances/{id}");
        using var gone = await admin.GetAsync($"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(1, (await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Event_SameIdempotencyKeyTwice_IsAppliedOnce()
    {
        var (app, admin, id) = await StartAsync();

        async Task<string?> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{id}/events/add") { Content = Json(new { amount = 3 }) };
            request.Headers.Add("Idempotency-Key", "prescriber-42:add:1");
            using var response = await admin.SendAsync(request);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString();
        }

        Assert.Equal("Applied", await SendAsync());
        Assert.Equal("Duplicate", await SendAsync());
        Assert.Equal(3, (await app.Runtime.GetStatusAsync(id, withData: true))!.State!.Value.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task History_RecordsTheCallerAndCorrelationId_AndVerifies()
    {
        var (_, admin, id) = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{id}/events/add") { Content = Json(new { amount = 1 }) };
        request.Headers.Add("x-correlation-id", "corr-history-1");
        using var raised = await admin.SendAsync(request);

        using var history = await admin.GetAsync($"/api/instances/{id}/history");
        using var verification = await admin.GetAsync($"/api/instances/{id}/history/verification");

        Assert.Equal("corr-history-1", raised.Headers.GetValues("x-correlation-id").Single());
        var entries = await history.Content.ReadFromJsonAsync<JsonElement>();
        var applied = entries.EnumerateArray().Last();
        Assert.Equal("EventApplied", applied.GetProperty("kind").GetString());
        Assert.Equal("Alice (dev:alice)", applied.GetProperty("actor").GetString());
        Assert.Equal("corr-history-1", applied.GetProperty("correlationId").GetString());
        Assert.True((await verification.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isIntact").GetBoolean());
    }

    [Fact]
    public async Task InvalidInstanceId_Is400NamingTheRule()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();

        using var response = await admin.GetAsync("/api/instances/bad!id");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("lettres, chiffres", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("instanceId", out _));
    }
}
