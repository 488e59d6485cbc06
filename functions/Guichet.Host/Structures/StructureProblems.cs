using System.Text.Json;
using Guichet.Domain;
using Guichet.Host.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Structures;

/// <summary>The problem details of the structures and placement API, with their French detail.</summary>
internal static class StructureProblems
{
    public static ProblemHttpResult NotFound(string structureId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune structure « {structureId} ».");

    public static ProblemHttpResult NotYours(string structureId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: $"Vous n'agissez que pour votre propre structure, pas pour « {structureId} ».");

    /// <summary>Every violation by its JSON path: 422, nothing written.</summary>
    public static ProblemHttpResult Violations(string what, IReadOnlyList<Violation> violations) => TypedResults.Problem(
        new HttpValidationProblemDetails(violations.GroupBy(v => v.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = $"{what} n'est pas valide ({violations.Count} problème(s)) : {string.Join(" ; ", violations.Select(v => $"{v.Path} : {v.Message}"))}",
        });

    public static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail);

    /// <summary>
    /// A request body read strictly as <typeparamref name="T"/> (<see cref="JsonBody.Strict"/>), or the 400 naming what
    /// does not bind, in French; <paramref name="what"/> names it as a sentence starts ("La sortie").
    /// </summary>
    public static (T? Value, ValidationProblem? Problem) Read<T>(JsonElement? body, string what)
        where T : class
    {
        try
        {
            return body is { ValueKind: JsonValueKind.Object } element
                ? (element.Deserialize<T>(JsonBody.Strict), null)
                : (null, Invalid("$", $"{what} est un objet JSON."));
        }
        catch (JsonException ex)
        {
            return (null, Invalid(ex.Path ?? "$", JsonBody.Unreadable(what, ex)));
        }
    }
}
