using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Host.Tests.Workflows;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>Every error is an RFC 9457 problem that says what is wrong.</summary>
[Collection(HostGroup.Name)]
public sealed class ProblemDetailsTests(AzuriteFixture azurite, SharedApp shared)
{
    private async Task<(HttpClient Admin, string Id)> StartAsync()
    {
        var app = await shared.GetAsync(azurite);
        var id = "pd-" + Guid.NewGuid().ToString("N")[..12];
        await app.Runtime.StartAsync(CounterWorkflow.TypeName, id);
        return (app.Admin(), id);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("https://", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
        return problem;
    }

    [Fact]
    public async Task MalformedJson_Is400WithItsPosition()
    {
        var (admin, id) = await StartAsync();

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", new StringContent("{\"amount\": 1,", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("n'est pas un JSON valide", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTypeInABody_Is400NamingTheField()
    {
        var (admin, id) = await StartAsync();

        using var response = await admin.PostAsync($"/api/instances/{id}/suspend", new StringContent("{\"reason\": 5}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
    }

    [Fact]
    public async Task WrongTypeInTheQuery_Is400NamingTheParameter()
    {
        var (admin, id) = await StartAsync();

        using var response = await admin.GetAsync($"/api/instances/{id}?showInput=maybe");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("showInput", out _), problem.ToString());
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var (admin, id) = await StartAsync();
        var big = "{\"amount\":1,\"padding\":\"" + new string('x', 300 * 1024) + "\"}";

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", new StringContent(big, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("256 Kio", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedChunkedBody_Is413()
    {
        var (admin, id) = await StartAsync();
        var big = Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 300 * 1024) + "\"}");
        using var content = new StreamContent(new UnseekableStream(big));
        content.Headers.ContentType = new("application/json");

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", content);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task NotJson_Is415()
    {
        var (admin, id) = await StartAsync();

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", new StringContent("amount=1", Encoding.UTF8, "text/plain"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unauthenticated_Is401Problem_WithBearerChallenge()
    {
        var app = await shared.GetAsync(azurite);
        using var anonymous = app.ClientWith(null);

        using var response = await anonymous.GetAsync("/api/instances");

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task WrongRole_Is403Problem()
    {
        var app = await shared.GetAsync(azurite);
        using var observatory = app.ClientWith(GuichetApp.Token([Guichet.Host.Security.Roles.Observatory]));

        using var response = await observatory.GetAsync("/api/instances");

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("rôle", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();

        using var response = await admin.GetAsync("/api/nothing-here");

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>A body without a length, so that the client sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
