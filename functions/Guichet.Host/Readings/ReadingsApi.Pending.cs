using Azure;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;
using Guichet.Host.Dossiers;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Runtime.ReadModels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Readings;

public static partial class ReadingsApi
{
    private const int DefaultTop = 100;
    private const int MaxTop = 1000;

    private static async Task<Results<Ok<List<PendingReadingRow>>, ProblemHttpResult, ValidationProblem>> ListPendingAsync(
        [AsParameters] PendingReadingsRequest request, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (!WireName.TryParse<ReadingKind>(request.Kind, out var kind))
        {
            return DossierProblems.Invalid("kind", $"Le paramètre kind est obligatoire : {string.Join(" ou ", WireName.All<ReadingKind>())}.");
        }

        if (request.Top is < 1 or > MaxTop)
        {
            return DossierProblems.Invalid("top", $"top doit être compris entre 1 et {MaxTop}.");
        }

        if (!MayList(http, kind))
        {
            return DossierProblems.Forbidden(kind == ReadingKind.Medical
                ? "Les lectures médicales à faire sont réservées aux lecteurs médicaux et à l'administration ARS."
                : "Les lectures sociales à faire sont réservées aux lecteurs sociaux et à l'administration ARS.");
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WireName.Of(kind)}");
        ReadModelPage page;
        try
        {
            page = await runtime.ReadModel(DossierReadModels.PendingReadings).QueryAsync(filter, request.Top ?? DefaultTop, request.ContinuationToken, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status400BadRequest && request.ContinuationToken is not null)
        {
            return DossierProblems.Invalid(DossierRoutes.ContinuationHeader, "Le jeton de continuation n'est pas valide : reprenez la liste depuis le début.");
        }

        if (page.ContinuationToken is { } token)
        {
            http.Response.Headers[DossierRoutes.ContinuationHeader] = token;
        }

        return TypedResults.Ok(page.Rows.Select(ReadModelRows.Pending).ToList());
    }

    private static bool MayList(HttpContext http, ReadingKind kind) =>
        http.User.IsInRole(Roles.ArsAdmin) || http.User.IsInRole(kind == ReadingKind.Medical ? Roles.MedicalReader : Roles.SocialReader);
}
