using Guichet.Host.Http;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Instances;

public static partial class InstancesApi
{
    /// <summary>Where what became of an event id can be read: the <c>Location</c> of a 202 for a buffered event.</summary>
    public static string EventOutcomeUri(HttpRequest request, string instanceId, string eventId) =>
        RaisedEvents.OutcomeUri(InstanceStatusResponse.StatusUri(request, instanceId), eventId);

    private static void MapOutcomes(RouteGroupBuilder group) =>
        group.MapGet("/instances/{instanceId}/event-outcome", GetEventOutcomeAsync).WithName("GetInstanceEventOutcome")
            .WithSummary("Ce qu'est devenu un événement (eventId) : en attente dans la file de l'instance, appliqué, refusé avec le motif, ou en échec ; " +
                "l'adresse renvoyée (Location) par un envoi mis en attente. Le motif d'un dossier est réservé aux rôles médicaux.")
            .ProducesValidationProblem().ProducesProblem(404);

    private static async Task<Results<Ok<EventOutcome>, ProblemHttpResult, ValidationProblem>> GetEventOutcomeAsync(
        string instanceId, [FromQuery] string? eventId, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (RaisedEvents.CheckEventId(eventId) is { } invalid)
        {
            return invalid;
        }

        if (await runtime.GetStatusAsync(instanceId, cancellationToken: cancellationToken) is not { } status)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        if (await runtime.GetEventOutcomeAsync(instanceId, eventId!, cancellationToken) is not { } outcome)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"L'instance « {instanceId} » n'a reçu aucun événement « {eventId} ».");
        }

        // A dossier's refusal may quote what the request carried: its reason stays with the medical roles.
        return TypedResults.Ok(HealthData.IsHiddenFrom(status.WorkflowType, http.User) ? outcome with { Reason = null } : outcome);
    }
}
