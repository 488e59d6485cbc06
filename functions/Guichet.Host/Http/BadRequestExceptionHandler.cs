using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Http;

/// <summary>
/// Turns the framework's binding failures into problem details that say what is wrong: malformed JSON (with
/// its line and byte), a JSON field of the wrong type or a query, route or header value that does not parse
/// (naming the field in <c>errors</c>), a wrong content type (415) or a body too large (413).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = Describe(bad);
        httpContext.Response.StatusCode = problem.Status ?? bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var position = string.Create(CultureInfo.InvariantCulture, $"ligne {json.LineNumber + 1}, octet {json.BytePositionInLine + 1}");
            var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            return json.InnerException is JsonException || field is null
                ? new ProblemDetails { Status = 400, Detail = $"Le corps de la requête n'est pas un JSON valide ({position})." }
                : Field(field, $"Le champ « {field} » n'a pas le type attendu ({position}).");
        }

        if (bad.StatusCode == 400 && BindFailure().Match(bad.Message) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            var field = char.ToLowerInvariant(name[0]) + name[1..];
            return Field(field, $"Le paramètre « {field} » n'accepte pas la valeur « {match.Groups["value"].Value} ».");
        }

        return new ProblemDetails { Status = bad.StatusCode, Detail = bad.StatusCode is 413 or 415 ? null : bad.Message };
    }

    private static HttpValidationProblemDetails Field(string field, string detail) =>
        new(new Dictionary<string, string[]> { [field] = [detail] }) { Status = 400, Detail = detail };

    [GeneratedRegex("""^Failed to bind parameter "[^"]*?(?<name>\w+)" from "(?<value>[^"]*)"\.$""")]
    private static partial Regex BindFailure();
}
