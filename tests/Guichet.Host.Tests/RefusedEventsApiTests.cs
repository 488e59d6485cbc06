using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Host.Tests.Workflows;
using Guichet.Runtime.Instances;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>An event that does not bind is a 400 naming the field, one a rule refuses a 422 with the reason; neither changes anything.</summary>
[Collection(HostGroup.Name)]
public sealed class RefusedEventsApiTests(AzuriteFixture azurite, SharedApp shared)
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(GuichetApp App, HttpClient Admin, string Id)> StartAsync()
    {
        var app = await shared.GetAsync(azurite);
        var id = "rf-" + Guid.NewGuid().ToString("N")[..12];
        await app.Runtime.StartAsync(CounterWorkflow.TypeName, id);
        return (app, app.Admin(), id);
    }

    [Fact]
    public async Task PayloadOfTheWrongShape_Is400NamingTheField_NothingChanged()
    {
        var (app, admin, id) = await StartAsync();

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", Body("""{"amount":"beaucoup"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("errors").GetProperty("payload")[0].GetString();
        Assert.Contains("'amount'", detail, StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("correlationId", out _));
        Assert.Equal(1, (await app.Runtime.GetStatusAsync(id))!.HistoryLength);
    }

    [Fact]
    public async Task EventOnAFailedInstance_Is409SayingToRewindFirst_NothingChanged()
    {
        var (app, admin, id) = await StartAsync();
        await app.Runtime.RaiseEventAsync(id, "fail", null, "f1");
        var failed = (await app.Runtime.GetStatusAsync(id))!;

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", Body("""{"amount":1}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("en échec", detail, StringComparison.Ordinal);
        Assert.Contains($"/api/instances/{id}/rewind", detail, StringComparison.Ordinal);
        Assert.Equal(failed.HistoryLength, (await app.Runtime.GetStatusAsync(id))!.HistoryLength);
    }

    [Fact]
    public async Task UnknownEvent_Is400_NothingChanged()
    {
        var (app, admin, id) = await StartAsync();

        using var response = await admin.PostAsync($"/api/instances/{id}/events/subtract", Body("""{"amount":1}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("subtract", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await app.Runtime.GetStatusAsync(id))!.HistoryLength);
    }

    [Fact]
    public async Task RuleThatSaysNo_Is422WithTheReason_NothingChanged()
    {
        var (app, admin, id) = await StartAsync();

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", Body("""{"amount":-5}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Un montant négatif est refusé.", problem.GetProperty("detail").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var status = (await app.Runtime.GetStatusAsync(id, withData: true))!;
        Assert.Equal(1, status.HistoryLength);
        Assert.Equal(0, status.State!.Value.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Rewind_WithoutReason_Is400_AndOnAFailedInstance_PutsItBackToRunning()
    {
        var (app, admin, id) = await StartAsync();
        await app.Runtime.RaiseEventAsync(id, "fail", null, "f1");

        using var noReason = await admin.PostAsync($"/api/instances/{id}/rewind", null);
        using var rewound = await admin.PostAsync($"/api/instances/{id}/rewind?reason=cause%20corrig%C3%A9e", null);
        using var again = await admin.PostAsync($"/api/instances/{id}/rewind?reason=encore", null);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, rewound.StatusCode);
        Assert.Equal("Running", (await rewound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runtimeStatus").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // The event that asked to fail is recorded as not applied after the rewind's own entry.
        var history = (await app.Runtime.GetWholeHistoryAsync(id))!;
        Assert.Equal("cause corrigée", history[^2].Reason);
        Assert.StartsWith("Alice", history[^2].Actor, StringComparison.Ordinal);
        Assert.Equal(("f1", HistoryKind.Rejected), (history[^1].EventId, history[^1].Kind));
    }

    [Fact]
    public async Task BufferedEventRefusedLater_ItsLocationSaysRefusedWithTheReason()
    {
        var (_, admin, id) = await StartAsync();
        await admin.PostAsync($"/api/instances/{id}/suspend", null);

        using var buffered = await admin.PostAsync($"/api/instances/{id}/events/add", Body("""{"amount":-5}"""));
        var location = buffered.Headers.Location!;
        using var waiting = await admin.GetAsync(location);
        await admin.PostAsync($"/api/instances/{id}/resume", null);
        using var refused = await admin.GetAsync(location);
        using var unknown = await admin.GetAsync($"/api/instances/{id}/event-outcome?eventId=jamais");
        using var missing = await admin.GetAsync($"/api/instances/{id}/event-outcome");

        Assert.Equal(HttpStatusCode.Accepted, buffered.StatusCode);
        Assert.Contains("/event-outcome?eventId=", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("Buffered", (await waiting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        var outcome = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Refused", "Un montant négatif est refusé."), (outcome.GetProperty("result").GetString(), outcome.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
