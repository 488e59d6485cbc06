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

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: detail);

    public static ProblemHttpResult TooLarge(PayloadTooLargeException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"La charge de l'événement fait {ex.Size} octets ; le maximum est {ex.Limit} octets.");

    public static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail);

    public static string InvalidId(string field, string? value) =>
        $"« {value} » n'est pas un {field} valide : de 1 à {InstanceIds.MaxLength} lettres, chiffres ou « - _ . : @ + ».";
}
