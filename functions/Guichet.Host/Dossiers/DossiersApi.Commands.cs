using Guichet.Domain.Dossiers;
using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Dossiers;

public static partial class DossiersApi
{
    private static void MapCommands(RouteGroupBuilder group)
    {
        group.MapPost("/dossiers/{id}/withdraw", WithdrawAsync).WithName("WithdrawDossier").RequireAuthorization(Policies.Withdrawers)
            .WithSummary("Le prescripteur retire ses propres demandes (motif obligatoire) : le dossier continue pour les demandes d'autres prescripteurs et n'est clos qu'avec sa dernière demande ; " +
                "l'administrateur ARS retire le dossier entier pour le guichet. Rejouable sans effet double avec l'en-tête Idempotency-Key ; 202 avec Location vers le sort de l'action si le dossier est suspendu ; 409 s'il est en échec ; 410 s'il est clos.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        group.MapPost("/dossiers/{id}/information", ProvideInformationAsync).WithName("ProvideDossierInformation").RequireAuthorization(Policies.Prescribers)
            .WithSummary("Le prescripteur répond à la question posée (answer) ; le dossier repart en lecture ; 422 si aucune question n'est ouverte.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
    }

    /// <summary>
    /// A prescriber withdraws its organisation's requests only; an ARS administrator, acting for the guichet, the
    /// whole dossier (a token with both roles acts as the administrator).
    /// </summary>
    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> WithdrawAsync(
        string id,
        [FromBody] WithdrawalRequest? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (DossierProblems.RequiredText("reason", body?.Reason, "Le motif du retrait") is { } invalid)
        {
            return invalid;
        }

        var reason = body!.Reason!.Trim();
        return await DossierCommands.RaiseForCallerAsync(
            runtime, http, id, DossierEventNames.Withdrawn, prescriber => new Withdrawn(reason, prescriber), idempotencyKey, cancellationToken);
    }

    private static Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> ProvideInformationAsync(
        string id,
        [FromBody] InformationAnswer? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken) =>
        DossierProblems.RequiredText("answer", body?.Answer, "La réponse") is { } invalid
            ? Task.FromResult<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>>(invalid)
            : DossierCommands.RaiseForPrescriberAsync(runtime, http, id, DossierEventNames.InformationProvided, new InformationProvided(body!.Answer!.Trim()), idempotencyKey, cancellationToken);
}
