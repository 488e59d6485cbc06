using Guichet.Host.Security;

namespace Guichet.Host.Observability;

/// <summary>
/// Logs every call of the routes it guards, reads included (DESIGN §7: every read of a dossier is itself
/// logged): who, with which roles, which route, which instance, and the status code returned. The log
/// category is <see cref="Category"/>, so that audit lines can be routed and kept apart.
/// </summary>
internal sealed class AuditFilter(ILoggerFactory loggers) : IEndpointFilter
{
    /// <summary>The audit log's category.</summary>
    public const string Category = "Guichet.Audit";

    private readonly ILogger _audit = loggers.CreateLogger(Category);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        var instanceId = http.Request.RouteValues.TryGetValue("instanceId", out var id) ? id as string : null;
        _audit.LogInformation(
            "Audit {Access} {Method} {Route} instance {InstanceId} by {Actor} roles {Roles} org {Org}: {StatusCode}",
            HttpMethods.IsGet(http.Request.Method) ? "read" : "write",
            http.Request.Method,
            route,
            instanceId,
            Caller.Actor(http.User),
            string.Join(",", Caller.RolesOf(http.User)),
            Caller.Org(http.User),
            status);
        return result;
    }
}
