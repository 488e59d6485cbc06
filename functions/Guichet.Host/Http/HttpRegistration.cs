using System.Text.Json.Serialization;
using Guichet.Host.Observability;
using Microsoft.AspNetCore.HttpOverrides;

namespace Guichet.Host.Http;

/// <summary>The HTTP conventions every route shares: problem details, JSON, body limits, OpenAPI, correlation.</summary>
public static class HttpRegistration
{
    /// <summary>
    /// Adds RFC 9457 problem details for every error (binding failures included, naming the field), enums as
    /// strings in JSON, the OpenAPI document with its bearer scheme, and the correlation id middleware first
    /// in the pipeline (behind the forwarded-headers one, which trusts <c>X-Forwarded-Proto</c> from the ingress).
    /// </summary>
    public static WebApplicationBuilder AddGuichetHttp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails += ProblemDefaults.Customize);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddTransient<IStartupFilter, CorrelationStartupFilter>();
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BearerSecurityTransformer>();
            o.AddSchemaTransformer<OptionalPropertiesTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// Authentication, the audit of every <c>/api</c> call, authorization, then the body limits: a caller is
    /// identified before its body is read, and audited whether it is refused (401, 403), fails or succeeds.
    /// </summary>
    public static WebApplication UseGuichetHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    /// <summary>Runs before the rest of the pipeline, so that even the exception handler's log lines carry the correlation id.</summary>
    private sealed class CorrelationStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            app.UseMiddleware<CorrelationMiddleware>();
            next(app);
        };
    }
}
