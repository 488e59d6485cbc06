using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Guichet.Host.Observability;

/// <summary>Wires structured logs, traces and metrics through OpenTelemetry.</summary>
public static class ObservabilityRegistration
{
    /// <summary>The default service name when <c>OTEL_SERVICE_NAME</c> is empty.</summary>
    public const string DefaultServiceName = "guichet-unique";

    /// <summary>
    /// Adds OpenTelemetry traces (ASP.NET Core, HttpClient, Azure SDK storage calls, <c>Guichet.*</c> sources),
    /// metrics (the same, plus <c>Guichet.*</c> meters) and logs with scopes (the correlation id). They are
    /// exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddGuichetObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;

        // Azure SDK clients emit spans for every storage operation only when this switch is on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddSource(GuichetTelemetry.Prefix + "*", "Azure.*"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(GuichetTelemetry.Prefix + "*"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
