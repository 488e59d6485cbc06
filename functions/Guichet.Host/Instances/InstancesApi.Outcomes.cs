using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Instances;

public static partial class InstancesApi
{
    private const int MaxEventIdLength = 1024;

    /// <summary>Where what became of an event id can be read: the <c>Location</c> of a 202 for a buffered event.</summary>
    public static string EventOutcomeUri(HttpRequest request, string instanceId, string eventId) =>
        $"{InstanceStatusResponse.StatusUri(request, instanceId)}/event-outcome?eventId={Uri.EscapeDataString(eventId)}";

    private static void MapOutcomes(RouteGroupBuilder group) =>
        group.MapGet("/instances/{instanceId}/event-outcome", GetEventOutcomeAsync).WithName("GetInstanceEventOutcome")
            .WithSummary("Ce qu'est devenu un événement (eventId) : en attente dans la file de l'instance, appliqué, refusé avec le motif, ou en échec ; " +
                "l'adresse renvoyée (Location) par un envoi mis en attente. Le motif d'un dossier est réservé aux rôles médicaux.")
            .ProducesValidationProblem().ProducesProblem(404);

    private static async Task<Results<Ok<EventOutcome>, ProblemHttpResult, ValidationProblem>> GetEventOutcomeAsync(
        string instanceId, [FromQuery] string? eventId, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > MaxEventIdLength)
        {
            return InstanceProblems.Invalid("eventId", $"L'identifiant de l'événement (eventId) est obligatoire, de 1 à {MaxEventIdLength} caractères.");
        }

        if (await runtime.GetStatusAsync(instanceId, cancellationToken: cancellationToken) is not { } status)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        if (await runtime.GetEventOutcomeAsync(instanceId, eventId, cancellationToken) is not { } outcome)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"L'instance « {instanceId} » n'a reçu aucun événement « {eventId} ».");
        }

        // A dossier's refusal may quote what the request carried: its reason stays with the medical roles.
        return TypedResults.Ok(HealthData.IsHiddenFrom(status.WorkflowType, http.User) ? outcome with { Reason = null } : outcome);
    }
}
