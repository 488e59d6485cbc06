using Azure;
using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Instances;

/// <summary>
/// The instance management API (<c>/api/instances…</c>, ARS administrators only), modelled on the Durable
/// Functions HTTP API: 202 with <c>Location</c> and <c>Retry-After</c> while an instance runs, 200 once it has
/// finished, 404 for an unknown instance, 410 when acting on a finished one. Every call is audited.
/// </summary>
public static partial class InstancesApi
{
    /// <summary>Where the instances are.</summary>
    public const string Prefix = "/api/instances";

    /// <summary>Seconds a client should wait before polling a running instance again.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .WithMetadata(new ApiTag("Instances", "Instances du runtime durable (administrateurs ARS) : statut, historique chaîné et sa vérification, événements, terminaison, suspension, reprise, purge."))
            .RequireAuthorization(Policies.Administration)
            .AddEndpointFilter<InstanceRouteFilter>();
        group.MapGet("/instances", ListAsync).WithName("ListInstances")
            .WithSummary("Liste les instances, filtrées et paginées (jeton de continuation dans x-ms-continuation-token).");
        group.MapGet("/instances/{instanceId}", GetStatusAsync).WithName("GetInstanceStatus")
            .WithSummary("Statut d'une instance : 202 tant qu'elle est en cours, 200 une fois terminée.").ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/instances/{instanceId}/history", GetHistoryAsync).WithName("GetInstanceHistory")
            .WithSummary("Historique chaîné d'une instance, par pages (from, top ; page suivante dans x-ms-continuation-token et Link rel=next) ; les charges d'un dossier réservées aux rôles médicaux.")
            .ProducesValidationProblem().ProducesProblem(404);
        group.MapGet("/instances/{instanceId}/history/verification", VerifyHistoryAsync).WithName("VerifyInstanceHistory")
            .WithSummary("Vérifie la chaîne de hachage à clé (HMAC) de tout l'historique, page par page.").ProducesProblem(404);
        MapActions(group);
        return app;
    }

    private static async Task<Results<Ok<List<InstanceStatusResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] InstanceListRequest request, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (InstanceListQuery.Check(request, out var query) is { } invalid)
        {
            return invalid;
        }

        InstancePage page;
        try
        {
            page = await runtime.QueryInstancesAsync(query, request.ContinuationToken, request.Top ?? InstanceListQuery.DefaultTop, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status400BadRequest && request.ContinuationToken is not null)
        {
            return InstanceProblems.Invalid(InstanceListRequest.ContinuationHeader, "Le jeton de continuation n'est pas valide : reprenez la liste depuis le début.");
        }

        if (page.ContinuationToken is { } token)
        {
            http.Response.Headers[InstanceListRequest.ContinuationHeader] = token;
        }

        return TypedResults.Ok(page.Instances.Select(s => InstanceStatusResponse.From(s, http.Request)).ToList());
    }

    private static async Task<Results<Ok<InstanceStatusResponse>, Accepted<InstanceStatusResponse>, ProblemHttpResult>> GetStatusAsync(
        string instanceId, bool? showInput, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        var status = await runtime.GetStatusAsync(instanceId, showInput == true, cancellationToken);
        if (status is null)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        if (showInput == true && HealthData.IsHiddenFrom(status.WorkflowType, http.User))
        {
            return InstanceProblems.HealthDataHidden(instanceId);
        }

        var body = InstanceStatusResponse.From(status, http.Request, showInput == true);
        if (status.RuntimeStatus.IsFinished())
        {
            return TypedResults.Ok(body);
        }

        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Accepted(body.StatusQueryGetUri, body);
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult, ValidationProblem>> GetHistoryAsync(
        string instanceId, [AsParameters] HistoryPageRequest request, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.Check(out var from, out var top) is { } invalid)
        {
            return invalid;
        }

        if (await runtime.GetHistoryAsync(instanceId, from, top, cancellationToken) is not { } page)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        // Who did what and when stays visible to the administrators; what a dossier's events carried, to medical roles only.
        if (await runtime.GetStatusAsync(instanceId, cancellationToken: cancellationToken) is { } status && HealthData.IsHiddenFrom(status.WorkflowType, http.User))
        {
            page = page with { Entries = [.. page.Entries.Select(e => e with { Payload = null })] };
        }

        if (page.NextSequence is { } next)
        {
            var token = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers[InstanceListRequest.ContinuationHeader] = token;
            http.Response.Headers.Link = $"<{InstanceStatusResponse.StatusUri(http.Request, instanceId)}/history?from={token}&top={top}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Entries);
    }

    private static async Task<Results<Ok<HistoryVerification>, ProblemHttpResult>> VerifyHistoryAsync(
        string instanceId, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.VerifyHistoryAsync(instanceId, cancellationToken) is { } verification
            ? TypedResults.Ok(verification)
            : InstanceProblems.NotFound(instanceId);
}
