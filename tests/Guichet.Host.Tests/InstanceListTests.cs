using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Host.Tests.Workflows;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>Listing instances: filters, pages and the continuation-token header.</summary>
[Collection(HostGroup.Name)]
public sealed class InstanceListTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task List_ByPrefixInPagesOfTwo_FollowsTheContinuationHeaderToTheEnd()
    {
        var app = await shared.GetAsync(azurite);
        var prefix = "ls-" + Guid.NewGuid().ToString("N")[..8] + "-";
        for (var i = 0; i < 5; i++)
        {
            await app.Runtime.StartAsync(CounterWorkflow.TypeName, prefix + i);
        }

        using var admin = app.Admin();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/instances?instanceIdPrefix={prefix}&top=2&runtimeStatus=Running,Pending");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(page.GetArrayLength() <= 2);
            seen.AddRange(page.EnumerateArray().Select(s => s.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => prefix + i), seen.Order());
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task List_ByCreationTimeInPagesOfTwo_FollowsTheHeaderToTheEnd_AndATokenOfAnotherQueryIs400()
    {
        var app = await shared.GetAsync(azurite);
        var prefix = "tm-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var from = app.Runtime.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await app.Runtime.StartAsync(CounterWorkflow.TypeName, prefix + i);
        }

        var window = $"createdTimeFrom={Instant(from)}&createdTimeTo={Instant(app.Runtime.Time.GetUtcNow().AddSeconds(1))}";
        using var admin = app.Admin();
        var seen = new List<string>();
        string? token = null;
        string? firstToken = null;
        var pages = 0;
        do
        {
            using var response = await ListAsync(admin, $"{window}&instanceIdPrefix={prefix}&top=2", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(page.EnumerateArray().Select(s => s.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            firstToken ??= token;
            pages++;
        }
        while (token is not null && pages < 10);
        using var foreign = await ListAsync(admin, $"instanceIdPrefix={prefix}", firstToken);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => prefix + i), seen);
        Assert.True(pages >= 3);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var problem = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("x-ms-continuation-token", out _), problem.ToString());
    }

    [Fact]
    public async Task List_ByStatus_ReturnsOnlyThatStatus()
    {
        var app = await shared.GetAsync(azurite);
        var prefix = "st-" + Guid.NewGuid().ToString("N")[..8] + "-";
        await app.Runtime.StartAsync(CounterWorkflow.TypeName, prefix + "running");
        await app.Runtime.StartAsync(CounterWorkflow.TypeName, prefix + "ended");
        await app.Runtime.TerminateAsync(prefix + "ended", "test");
        using var admin = app.Admin();

        var terminated = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?instanceIdPrefix={prefix}&runtimeStatus=terminated&workflowType=counter");

        Assert.Equal([prefix + "ended"], terminated.EnumerateArray().Select(s => s.GetProperty("instanceId").GetString()));
    }

    [Theory]
    [InlineData("runtimeStatus=Sleeping", "runtimeStatus")]
    [InlineData("runtimeStatus=1", "runtimeStatus")]
    [InlineData("top=0", "top")]
    [InlineData("top=abc", "top")]
    [InlineData("createdTimeFrom=yesterday", "createdTimeFrom")]
    [InlineData("createdTimeFrom=2026-02-01T00:00:00Z&createdTimeTo=2026-01-01T00:00:00Z", "createdTimeTo")]
    [InlineData("instanceIdPrefix=a/b", "instanceIdPrefix")]
    public async Task List_WithABadFilter_Is400NamingIt(string query, string field)
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();

        using var response = await admin.GetAsync("/api/instances?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<HttpResponseMessage> ListAsync(HttpClient admin, string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances?" + query);
        if (token is not null)
        {
            request.Headers.Add("x-ms-continuation-token", token);
        }

        return await admin.SendAsync(request);
    }

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
