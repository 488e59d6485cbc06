using Guichet.Host.Security;

namespace Guichet.Host.Observability;

/// <summary>
/// Logs every call under <c>/api</c> once its response is known (DESIGN §7: every read of a dossier is itself
/// logged, and so is every refused or failed call): read or write, method, route, instance, who with which
/// roles and organisation, and the status code; and, when the call says so, what it disclosed of a dossier
/// (<see cref="AuditDisclosure"/>: which part, and whether the medical part was shown). It runs after authentication and before authorization, so
/// that a 401 (no actor) or a 403 is audited like an allowed call; an exception that escapes the call is
/// audited with its type, as the status the exception handler will answer (500), then rethrown. The log
/// category is <see cref="Category"/>, so that audit lines can be routed and kept apart.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    /// <summary>The audit log's category.</summary>
    public const string Category = "Guichet.Audit";

    private const string Prefix = "/api";

    private const string Template = "Audit {Access} {Method} {Route} instance {InstanceId} by {Actor} roles {Roles} org {Org}: {StatusCode}";

    /// <summary>What a call disclosed of a dossier, when it says so (<see cref="AuditDisclosure"/>).</summary>
    private const string DisclosureTemplate = Template + "; dossier {DossierId} disclosed {Disclosed}, medical part {MedicalShown}";

    /// <summary>The route values that name the instance a call acts on: an instance, or a dossier (an instance of the dossier workflow).</summary>
    private static readonly string[] InstanceRouteValues = ["instanceId", "id"];

    private readonly ILogger _audit = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            Write(context, StatusOf(ex, context), ex.GetType().FullName);
            throw;
        }

        Write(context, context.Response.StatusCode, null);
    }

    // The status the outer handlers turn the exception into: a binding failure stays the client's error, a
    // request the client abandoned is 499, as ExceptionHandlerMiddleware records it; anything else failed.
    private static int StatusOf(Exception exception, HttpContext context) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => StatusCodes.Status499ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private void Write(HttpContext context, int status, string? exceptionType)
    {
        var request = context.Request;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Path.Value;
        var instanceId = InstanceRouteValues.Select(v => request.RouteValues.GetValueOrDefault(v) as string).FirstOrDefault(v => v is not null);
        var user = context.User;
        object?[] values =
        [
            HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? "read" : "write",
            request.Method,
            route,
            instanceId,
            Caller.Actor(user),
            string.Join(",", Caller.RolesOf(user)),
            Caller.Org(user),
            status,
        ];
        if (exceptionType is null && context.Features.Get<AuditDisclosure>() is { } disclosure)
        {
            _audit.Log(status < 400 ? LogLevel.Information : LogLevel.Warning, DisclosureTemplate, [.. values, disclosure.DossierId, disclosure.Disclosed, disclosure.MedicalShown]);
        }
        else if (exceptionType is null)
        {
            _audit.Log(status < 400 ? LogLevel.Information : LogLevel.Warning, Template, values);
        }
        else
        {
            _audit.LogError(Template + " failed with {ExceptionType}", [.. values, exceptionType]);
        }
    }
}
