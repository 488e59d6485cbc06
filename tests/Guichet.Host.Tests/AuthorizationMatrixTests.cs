using System.Net;
using Guichet.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests;

[Collection(HostGroup.Name)]
public sealed class AuthorizationMatrixTests(AzuriteFixture azurite, SharedApp shared)
{
    private static readonly string[] HandlerNotFound = ["Aucune instance", "Aucun dossier", "Aucune demande", "Aucune séance", "Aucune version", "Aucune structure", "Aucune candidature", "Aucune place", "Aucun séjour"];

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in ApiRoutes.All)
        {
            foreach (var caller in ApiRoutes.Callers)
            {
                data.Add(route.Method, route.Template, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_CalledByCaller_IsAllowedOrRefusedWithProblem(string method, string template, string caller)
    {
        var app = await shared.GetAsync(azurite);
        var route = ApiRoutes.All.Single(r => r.Method == method && r.Template == template);
        var token = caller switch
        {
            ApiRoutes.Anonymous => null,
            ApiRoutes.NoRole => GuichetApp.Token([]),
            _ => GuichetApp.Token([caller]),
        };
        using var client = app.ClientWith(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), route.Path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{\"amount\":1}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        var expected = caller == ApiRoutes.Anonymous ? HttpStatusCode.Unauthorized
            : route.Allowed.Contains(caller) ? (HttpStatusCode?)null
            : HttpStatusCode.Forbidden;
        if (expected is null)
        {
            // Allowed: the handler answers, with its result or its own refusal of the request, never with a failure.
            Assert.DoesNotContain(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed });
            Assert.True((int)response.StatusCode < 500, $"{method} {route.Path} for {caller}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                // The handler's own 404 (no such instance, dossier, request, session or grid version), not the router's.
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(HandlerNotFound.Any(n => body.Contains(n, StringComparison.Ordinal)), body);
            }
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task EveryMappedApiRoute_HasAnEntryInTheMatrix()
    {
        var app = await shared.GetAsync(azurite);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToList();
        var listed = ApiRoutes.All.Select(r => $"{r.Method} {r.Template}").Order().ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal(listed, mapped);
    }
}
