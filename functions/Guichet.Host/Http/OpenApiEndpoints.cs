using System.Reflection;

namespace Guichet.Host.Http;

/// <summary>The OpenAPI document, anonymous, and in Development a docs page that renders it (served by the app, no CDN).</summary>
public static class OpenApiEndpoints
{
    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Maps <c>/openapi/v1.json</c>, and <c>/docs</c> in Development.</summary>
    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            var docs = app.MapGroup("/docs").AllowAnonymous().ExcludeFromDescription();
            docs.MapGet("/", () => Page("index.html", "text/html; charset=utf-8"));
            docs.MapGet("/docs.js", () => Page("docs.js", "text/javascript; charset=utf-8"));
        }

        return app;
    }

    private static DocsPageResult Page(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Guichet.Host.Docs." + name)
            ?? throw new InvalidOperationException($"The docs resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return new DocsPageResult(reader.ReadToEnd(), contentType);
    }

    private sealed class DocsPageResult(string content, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(content, contentType).ExecuteAsync(httpContext);
        }
    }
}
