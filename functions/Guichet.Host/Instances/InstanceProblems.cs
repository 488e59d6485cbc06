using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Instances;

/// <summary>The problem details of the instance API, with their French detail.</summary>
internal static class InstanceProblems
{
    public static ProblemHttpResult NotFound(string instanceId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune instance « {instanceId} ».");

    public static ProblemHttpResult Finished(string instanceId, InstanceStatus? status) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status410Gone,
            detail: $"L'instance « {instanceId} » est terminée ({status?.RuntimeStatus.ToString() ?? "Completed"}) : elle n'accepte plus d'événement ni d'action, sauf la purge.");

    /// <summary>An event for a Failed instance: 409, since it is not ended for good; it says what puts it back to work.</summary>
    public static ProblemHttpResult Failed(string instanceId) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            detail: $"L'instance « {instanceId} » est en échec : elle n'accepte aucun événement tant qu'un administrateur ne l'a pas reprise (POST /api/instances/{instanceId}/rewind ou /retry) ; ses minuteurs attendent la reprise. Renvoyez l'événement ensuite.");

    /// <summary>An event the workflow does not know, or whose payload does not fit its record: 400 naming the field.</summary>
    public static ValidationProblem InvalidEvent(string reason) =>
        Invalid("payload", $"L'événement ne correspond pas au format attendu : {reason}");

    /// <summary>The input of a dossier asked by a caller without a medical role: 403, pointing to the route that shows what it may see.</summary>
    public static ProblemHttpResult HealthDataHidden(string instanceId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: $"L'entrée de l'instance '{instanceId}' contient l'identité et des données de santé, réservées aux rôles médicaux : GET /api/dossiers/{instanceId} montre ce que votre rôle peut voir.");

    /// <summary>A business rule of the workflow said no: 422 with its reason, nothing changed.</summary>
    public static ProblemHttpResult Rejected(string? reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: reason);

    /// <summary>An event of one of the guichet's own workflows: 409, naming the routes that raise it.</summary>
    public static ProblemHttpResult BusinessEvent(string instanceId, string workflowType, string routes) =>
        Conflict($"L'instance « {instanceId} » est un workflow « {workflowType} » du guichet : ses événements ne s'envoient pas par l'API des instances, " +
            $"qui ne vérifie ni les rôles métier ni les organisations. Passez par {routes}.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: detail);

    public static ProblemHttpResult TooLarge(PayloadTooLargeException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"La charge de l'événement fait {ex.Size} octets ; le maximum est {ex.Limit} octets.");

    public static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail);

    public static string InvalidId(string field, string? value) =>
        $"« {value} » n'est pas un {field} valide : de 1 à {InstanceIds.MaxLength} lettres, chiffres ou « - _ . : @ + ».";
}
