using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>One correlation id per request: the caller's, else the W3C trace id, on the response and in problems.</summary>
[Collection(HostGroup.Name)]
public sealed class CorrelationTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task GivenCorrelationId_IsEchoed()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances?top=1");
        request.Headers.Add("x-correlation-id", "intake-msg-123");

        using var response = await admin.SendAsync(request);

        Assert.Equal("intake-msg-123", response.Headers.GetValues("x-correlation-id").Single());
    }

    [Fact]
    public async Task WithTraceparentOnly_TheTraceIdIsTheCorrelationId()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances/unknown-one");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        using var response = await admin.SendAsync(request);

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", response.Headers.GetValues("x-correlation-id").Single());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task UnsafeCorrelationId_IsReplacedByTheTraceId()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances?top=1");
        request.Headers.TryAddWithoutValidation("x-correlation-id", "a b\u0007c");

        using var response = await admin.SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("x-correlation-id").Single());
    }
}
