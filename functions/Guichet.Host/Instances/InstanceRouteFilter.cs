using System.Diagnostics;
using Guichet.Host.Observability;
using Guichet.Runtime.Instances;

namespace Guichet.Host.Instances;

/// <summary>Refuses with 400, naming the rule, an instance id or event name in the route that the runtime would refuse.</summary>
internal sealed class InstanceRouteFilter : IEndpointFilter
{
    private static readonly string[] Checked = ["instanceId", "name"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        foreach (var field in Checked)
        {
            if (values.TryGetValue(field, out var value) && !InstanceIds.IsValid(value as string))
            {
                return InstanceProblems.Invalid(field, InstanceProblems.InvalidId(field, value as string));
            }
        }

        if (values.TryGetValue("instanceId", out var instanceId))
        {
            Activity.Current?.SetTag(GuichetTelemetry.InstanceTag, instanceId);
        }

        return await next(context);
    }
}
