using Azure;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Host.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Refusals;

/// <summary>
/// Contested refusals (issue 9, outcomes): a prescriber of one of the dossier's requests, or an ARS administrator for
/// the guichet, contests a structure's refusal with a reason; ARS administrators list the contested refusals by status
/// and uphold or overturn each, with a reason. The refusals belong to the dossier, which outlives the vacancy. A
/// prescriber reaches only the dossiers holding one of its organisation's requests; any other is answered 404.
/// </summary>
public static class ContestedRefusalsApi
{
    private const int DefaultTop = 100;
    private const int MaxTop = 1000;

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapContestedRefusalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .WithMetadata(new ApiTag("Refus contestés", "Contestation d'un refus de structure par le prescripteur ou le guichet, et son examen par l'ARS (refus maintenu ou annulé ; la personne garde sa place et son ancienneté)."))
            .AddEndpointFilter<DossierRouteFilter>();
        group.MapPost("/dossiers/{id}/refusals/{candidacyId}/contest", ContestAsync).WithName("ContestRefusal").RequireAuthorization(Policies.Withdrawers)
            .WithSummary("Conteste le refus d'une candidature reçu par le dossier (motif obligatoire) : le prescripteur d'une demande du dossier, ou l'administrateur ARS pour le guichet ; " +
                "le refus rejoint la liste d'examen de l'ARS. Un refus n'est contesté qu'une fois (la même contestation rejouée ne change rien) ; 422 sans refus à contester ; 410 si le dossier est clos.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        group.MapPost("/dossiers/{id}/refusals/{candidacyId}/review", ReviewAsync).WithName("ReviewContestedRefusal").RequireAuthorization(Policies.Administration)
            .WithSummary("L'ARS examine un refus contesté : uphold (refus maintenu) ou overturn (refus annulé : il ne compte plus comme un refus, la personne garde sa place et son ancienneté, " +
                "la structure et les prescripteurs sont prévenus), motif obligatoire. Le même examen rejoué ne change rien ; 422 si le refus n'est pas contesté ou déjà examiné autrement.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        group.MapGet("/refusals/contested", ListAsync).WithName("ListContestedRefusals").RequireAuthorization(Policies.Administration)
            .WithSummary("Les refus contestés à un statut (pending par défaut, upheld, overturned, lapsed : dossier clos avant l'examen), avec le refus, la contestation et l'examen ; " +
                "par pages (top ; page suivante dans x-ms-continuation-token).")
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>A prescriber contests for its organisation, on its own dossiers only; an ARS administrator for the guichet (a token with both roles acts as the administrator).</summary>
    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> ContestAsync(
        string id,
        string candidacyId,
        [FromBody] ContestRequest? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (DossierProblems.RequiredText("reason", body?.Reason, "Le motif de la contestation") is { } invalid)
        {
            return invalid;
        }

        var reason = body!.Reason!.Trim();
        return await DossierCommands.RaiseForCallerAsync(
            runtime, http, id, DossierEventNames.RefusalContested, prescriber => new RefusalContested(candidacyId, reason, prescriber), idempotencyKey, cancellationToken);
    }

    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> ReviewAsync(
        string id,
        string candidacyId,
        [FromBody] ReviewRequest? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (body?.Verdict is not { } verdictName || !WireName.TryParse<ContestVerdict>(verdictName, out var verdict))
        {
            return DossierProblems.Invalid("verdict", "La décision (verdict) est obligatoire : uphold pour maintenir le refus, overturn pour l'annuler.");
        }

        if (DossierProblems.RequiredText("reason", body.Reason, "Le motif de l'examen") is { } invalid)
        {
            return invalid;
        }

        var reviewed = new RefusalReviewed(candidacyId, verdict, body.Reason!.Trim());
        return await DossierCommands.RaiseAsync(runtime, http, id, DossierEventNames.RefusalReviewed, reviewed, idempotencyKey, cancellationToken);
    }

    private static async Task<Results<Ok<List<ContestedRefusalRow>>, ValidationProblem>> ListAsync(
        [FromQuery] string? status,
        [FromQuery] int? top,
        [FromHeader(Name = DossierRoutes.ContinuationHeader)] string? continuationToken,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var partition = status ?? WireName.Of(ContestStatus.Pending);
        if (!WireName.TryParse<ContestStatus>(partition, out _))
        {
            return DossierProblems.Invalid("status", $"Statut attendu : {string.Join(", ", WireName.All<ContestStatus>())}.");
        }

        if (top is < 1 or > MaxTop)
        {
            return DossierProblems.Invalid("top", $"top doit être compris entre 1 et {MaxTop}.");
        }

        Runtime.ReadModels.ReadModelPage page;
        try
        {
            page = await runtime.ReadModel(DossierReadModels.ContestedRefusals)
                .QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), top ?? DefaultTop, continuationToken, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status400BadRequest && continuationToken is not null)
        {
            return DossierProblems.Invalid(DossierRoutes.ContinuationHeader, "Le jeton de continuation n'est pas valide : reprenez la liste depuis le début.");
        }

        if (page.ContinuationToken is { } token)
        {
            http.Response.Headers[DossierRoutes.ContinuationHeader] = token;
        }

        return TypedResults.Ok(page.Rows.Select(Guichet.Host.ReadModels.ReadModelRows.As<ContestedRefusalRow>).ToList());
    }
}
