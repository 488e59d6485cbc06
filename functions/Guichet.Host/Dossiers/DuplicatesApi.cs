using Azure;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Dossiers;

/// <summary>
/// The review of possible duplicates (invariant 1, never merged silently): the matches intake found, listed from
/// the read model <c>DuplicateReviews</c>, and a person's decision on each — merge the dossier into the other, or
/// keep them apart. Readers (medical, social) and ARS administrators.
/// </summary>
public static class DuplicatesApi
{
    private const int DefaultTop = 100;
    private const int MaxTop = 1000;
    private const string PendingPartition = "pending";

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapDuplicatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .WithMetadata(new ApiTag("Doublons", "Doublons possibles (lecteurs et administrateurs ARS) : les rapprochements d'identité à examiner, et la décision d'une personne (fusionner ou garder distincts), jamais une fusion silencieuse."))
            .RequireAuthorization(Policies.Reviewers)
            .AddEndpointFilter<DossierRouteFilter>();
        group.MapGet("/dossiers/duplicates", ListAsync).WithName("ListDuplicateReviews")
            .WithSummary("Les doublons possibles à examiner, par pages (top ; page suivante dans x-ms-continuation-token).")
            .ProducesValidationProblem();
        group.MapPost("/dossiers/{id}/duplicates/{otherId}", ReviewAsync).WithName("ReviewDuplicate")
            .WithSummary("Décide d'un doublon possible : fusionner ce dossier dans l'autre (merge: true) ou les garder distincts, avec le motif ; 422 si ce n'est pas un doublon possible de ce dossier, ou si l'autre dossier est clos (on ne fusionne pas dans un dossier terminé).")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        return app;
    }

    private static async Task<Results<Ok<List<DuplicateReviewRow>>, ValidationProblem>> ListAsync(
        [FromQuery] int? top,
        [FromHeader(Name = DossierRoutes.ContinuationHeader)] string? continuationToken,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (top is < 1 or > MaxTop)
        {
            return DossierProblems.Invalid("top", $"top doit être compris entre 1 et {MaxTop}.");
        }

        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition}");
        Runtime.ReadModels.ReadModelPage page;
        try
        {
            page = await runtime.ReadModel(DossierReadModels.DuplicateReviews).QueryAsync(filter, top ?? DefaultTop, continuationToken, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status400BadRequest && continuationToken is not null)
        {
            return DossierProblems.Invalid(DossierRoutes.ContinuationHeader, "Le jeton de continuation n'est pas valide : reprenez la liste depuis le début.");
        }

        if (page.ContinuationToken is { } token)
        {
            http.Response.Headers[DossierRoutes.ContinuationHeader] = token;
        }

        return TypedResults.Ok(page.Rows.Select(ReadModelRows.Duplicate).ToList());
    }

    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> ReviewAsync(
        string id,
        string otherId,
        [FromBody] DuplicateReviewRequest? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (body?.Merge is not { } merge)
        {
            return DossierProblems.Invalid("merge", "La décision (merge) est obligatoire : true pour fusionner ce dossier dans l'autre, false pour les garder distincts.");
        }

        if (DossierProblems.RequiredText("reason", body.Reason, "Le motif de la décision") is { } invalid)
        {
            return invalid;
        }

        if (await DossierLoader.StatusAsync(runtime, id, cancellationToken) is null)
        {
            return DossierProblems.NotFound(id);
        }

        // An ended dossier is history and takes no request: the merge is refused here, before anything changes. One that
        // ends meanwhile refuses the requests itself, and this dossier stays open with them.
        if (merge && await DossierLoader.LoadAsync(runtime, otherId, cancellationToken) is ({ End: { } end }, _))
        {
            return DossierProblems.Rejected(
                $"Le dossier {otherId} est clos ({WireName.Of(end.Status)}) : un dossier terminé reste de l'historique et ne reçoit plus de demande. " +
                $"Gardez les deux dossiers distincts (merge: false) : le dossier {id} reste ouvert.");
        }

        return await DossierCommands.RaiseAsync(
            runtime, http, id, DossierEventNames.DuplicateReviewed, new DuplicateReviewed(otherId, merge, body.Reason!.Trim()), idempotencyKey, cancellationToken);
    }
}
