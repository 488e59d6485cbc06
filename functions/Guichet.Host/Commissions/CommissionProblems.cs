using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Commissions;

/// <summary>The problem details of the commissions API, with their French detail.</summary>
internal static class CommissionProblems
{
    public static ProblemHttpResult NotFound(string sessionId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune séance de commission « {sessionId} ».");

    public static ProblemHttpResult Closed(string sessionId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"La séance « {sessionId} » est close : ses décisions ne changent plus.");

    /// <summary>A rule of the session (or of the decision) said no: 422 with its reason, nothing changed.</summary>
    public static ProblemHttpResult Rejected(string? reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: reason);

    public static ProblemHttpResult Failed(string sessionId, string? error) =>
        TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, detail: $"La séance « {sessionId} » est en échec : {error}");

    public static ProblemHttpResult TooLarge(PayloadTooLargeException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"Le corps fait {ex.Size} octets ; le maximum est {ex.Limit} octets.");

    public static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail);
}
