using Guichet.Host.Observability;
using Guichet.Host.Security;
using Guichet.Runtime;

namespace Guichet.Host.Http;

/// <summary>What the runtime records of an HTTP caller.</summary>
public static class CallerContext
{
    /// <summary>The caller's identity as actor and the request's correlation id.</summary>
    public static RequestContext ToRequestContext(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RequestContext(Caller.Actor(context.User), Correlation.Of(context));
    }
}
