namespace Guichet.Host.Observability;

/// <summary>Puts the request's correlation id on the response, the current trace and baggage, and every log line's scope.</summary>
internal sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var id = Correlation.Resolve(context);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Correlation.Header] = id;
            return Task.CompletedTask;
        });
        using (Correlation.BeginScope(logger, id))
        {
            await next(context);
        }
    }
}
