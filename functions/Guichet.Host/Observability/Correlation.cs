using System.Diagnostics;
using Guichet.Runtime.Instances;

namespace Guichet.Host.Observability;

/// <summary>
/// The correlation id of a request: the caller's <c>x-correlation-id</c> when it is a sensible token, else the
/// W3C trace id (from <c>traceparent</c>, or the one this request started). It goes into the runtime's
/// <see cref="Guichet.Runtime.RequestContext"/>, every log line's scope, the trace and the response header.
/// </summary>
public static class Correlation
{
    /// <summary>The request and response header.</summary>
    public const string Header = "x-correlation-id";

    /// <summary>The log scope property and trace tag name.</summary>
    public const string Property = "CorrelationId";

    /// <summary>The longest correlation id accepted from a caller.</summary>
    public const int MaxLength = 128;

    private static readonly object Key = new();

    /// <summary>The correlation id of the request (set by the correlation middleware, else the trace id).</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[Key] as string ?? Resolve(context);
    }

    /// <summary>
    /// Puts a correlation id on the current span (tag and baggage) and on every log line written until the
    /// returned scope is disposed; for HTTP requests and for queue messages alike.
    /// </summary>
    public static IDisposable? BeginScope(ILogger logger, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        Activity.Current?.SetTag(GuichetTelemetry.CorrelationTag, correlationId);
        Activity.Current?.SetBaggage(GuichetTelemetry.CorrelationTag, correlationId);
        return logger.BeginScope(new Dictionary<string, object> { [Property] = correlationId });
    }

    /// <summary>Chooses the request's correlation id and remembers it on the request.</summary>
    internal static string Resolve(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString();
        var id = IsAcceptable(given) ? given
            : Activity.Current?.TraceId.ToHexString()
            ?? (ActivityContext.TryParse(context.Request.Headers.TraceParent.ToString(), null, out var parent) ? parent.TraceId.ToHexString() : null)
            ?? ActivityTraceId.CreateRandom().ToHexString();
        context.Items[Key] = id;
        return id;
    }

    /// <summary>Letters, digits and <c>- _ . : @ +</c>, up to <see cref="MaxLength"/> characters: safe in logs and table properties.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength
        && value.All(InstanceIds.IsAllowed);
}
