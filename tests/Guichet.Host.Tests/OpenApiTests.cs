using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests;

/// <summary>The OpenAPI document is served to anyone and lists every API route the app maps, each with its bearer requirement.</summary>
[Collection(HostGroup.Name)]
public sealed class OpenApiTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task Document_ListsEveryMappedApiRoute_WithBearerSecurity()
    {
        var app = await shared.GetAsync(azurite);
        using var anonymous = app.ClientWith(null);

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToList();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToList();
        Assert.Equal(mapped, documented.Select(d => d.Route).Where(r => r.Contains(" /api", StringComparison.Ordinal)).Order());
        Assert.All(documented, d => Assert.True(d.Operation.TryGetProperty("security", out _), $"{d.Route} has no security requirement"));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task DocsPage_IsServedInDevelopment_WithoutExternalScripts()
    {
        var app = await shared.GetAsync(azurite);
        using var anonymous = app.ClientWith(null);

        var page = await anonymous.GetStringAsync("/docs/");
        var script = await anonymous.GetStringAsync("/docs/docs.js");

        Assert.Contains("/docs/docs.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsPage_IsNotServedInProduction()
    {
        await using var app = new GuichetApp(azurite.Azurite, environment: "Production");
        using var anonymous = app.ClientWith(null);

        using var docs = await anonymous.GetAsync("/docs/");
        using var document = await anonymous.GetAsync("/openapi/v1.json");

        Assert.NotEqual(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }
}
