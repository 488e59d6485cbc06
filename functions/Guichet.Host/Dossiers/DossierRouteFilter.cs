using System.Diagnostics;
using Guichet.Host.Observability;
using Guichet.Runtime.Instances;

namespace Guichet.Host.Dossiers;

/// <summary>Refuses with 400, naming the field, a dossier id in the route that cannot be an instance id; tags the trace with the dossier.</summary>
internal sealed class DossierRouteFilter : IEndpointFilter
{
    private static readonly string[] Checked = [DossierRoutes.Id, DossierRoutes.OtherId];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        foreach (var field in Checked)
        {
            if (values.TryGetValue(field, out var value) && !InstanceIds.IsValid(value as string))
            {
                return DossierProblems.Invalid(field, DossierProblems.InvalidId(field, value as string));
            }
        }

        if (values.TryGetValue(DossierRoutes.Id, out var id))
        {
            Activity.Current?.SetTag(GuichetTelemetry.InstanceTag, id);
        }

        return await next(context);
    }
}
