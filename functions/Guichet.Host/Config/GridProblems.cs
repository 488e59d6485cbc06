using Guichet.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Config;

/// <summary>The problem details of the grid API, with their French detail.</summary>
internal static class GridProblems
{
    /// <summary>A grid that breaks rules: 422 listing every problem by its JSON path.</summary>
    public static ProblemHttpResult Violations(IReadOnlyList<Violation> violations) => TypedResults.Problem(
        new HttpValidationProblemDetails(violations.GroupBy(v => v.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = $"La grille n'est pas valide ({violations.Count} problème(s)) : {string.Join(" ; ", violations.Select(v => $"{v.Path} : {v.Message}"))}",
        });

    /// <summary>A body that does not read as a grid: 400 naming the field.</summary>
    public static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail);

    public static ProblemHttpResult Conflict(string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: detail);

    public static ProblemHttpResult NotFound(string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);
}
