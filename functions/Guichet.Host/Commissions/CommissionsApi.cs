using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Commissions;
using Guichet.Host.Http;
using Guichet.Host.ReadModels;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Commissions;

/// <summary>
/// The admissibility commissions (<c>/api/commissions…</c>): a device's sessions, a session's agenda ranked by the
/// grid with its explanations, minutes and overrides, its decisions (commission members; a decision a rule refuses
/// is 422 with the rule's reason, nothing changed) and its closing, which carries undecided dossiers to the next
/// session. Sessions open on the device's cycle (<see cref="CommissionCycle"/>); an ARS administrator may open the
/// day's session on demand.
/// </summary>
public static partial class CommissionsApi
{
    /// <summary>Where the sessions are.</summary>
    public const string Prefix = "/api/commissions";

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapCommissionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .WithMetadata(new ApiTag("Commissions", "Séances des commissions d'admissibilité par dispositif : ordre du jour classé par la grille et expliqué, procès-verbal, dérogations au rang (plafonnées), décisions des membres de la commission, clôture qui reporte les dossiers non décidés à la séance suivante."));
        group.MapGet("/commissions", ListAsync).WithName("ListCommissionSessions").RequireAuthorization(Policies.CommissionOrAdministration)
            .WithSummary("Les séances d'un dispositif (device = ACT, LHSS ou LAM), la plus récente d'abord, avec leur bilan.")
            .ProducesValidationProblem();
        group.MapPost("/commissions", OpenAsync).WithName("OpenCommissionSession").RequireAuthorization(Policies.Administration)
            .WithSummary("Ouvre maintenant la séance du jour d'un dispositif ouvert (administrateurs ARS) ; la séance du jour existante est rendue telle quelle.")
            .ProducesValidationProblem().ProducesProblem(422);
        group.MapGet("/commissions/{sessionId}", GetAsync).WithName("GetCommissionSession").RequireAuthorization(Policies.CommissionOrAdministration)
            .WithSummary("Une séance : ordre du jour (rang, score, explication, décision), procès-verbal, dérogations comptées et motivées, reports.")
            .ProducesValidationProblem().ProducesProblem(404);
        group.MapPost("/commissions/{sessionId}/decisions", DecideAsync).WithName("RecordCommissionDecision").RequireAuthorization(Policies.Commission)
            .WithSummary("Enregistre la décision de la commission sur un dossier de l'ordre du jour ; 422 avec le motif si une règle la refuse (code et justification manquants, dérogations épuisées…).")
            .Accepts<DecisionRecorded>("application/json")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422);
        group.MapPost("/commissions/{sessionId}/close", CloseAsync).WithName("CloseCommissionSession").RequireAuthorization(Policies.CommissionOrAdministration)
            .WithSummary("Clôt la séance ; les dossiers non décidés passent à la séance suivante du dispositif.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/commissions/{sessionId}/event-outcome", GetEventOutcomeAsync).WithName("GetCommissionEventOutcome").RequireAuthorization(Policies.CommissionOrAdministration)
            .WithSummary("Ce qu'est devenue une décision ou une clôture envoyée à la séance (eventId) : en attente tant que la séance est suspendue, appliquée, refusée avec le motif, ou en échec ; " +
                "l'adresse (Location) d'un envoi mis en attente.")
            .ProducesValidationProblem().ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Ok<List<CommissionSessionRow>>, ValidationProblem>> ListAsync(string? device, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (DeviceQuery.Check(device, out var chosen) is { } invalid)
        {
            return invalid;
        }

        var partition = WireName.Of(chosen);
        var rows = await runtime.ReadModel(CommissionReadModels.Sessions).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);
        return TypedResults.Ok(rows.Select(ReadModelRows.As<CommissionSessionRow>).OrderByDescending(s => s.SittingAt).ThenByDescending(s => s.SessionId, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Created<SessionResponse>, Ok<SessionResponse>, ProblemHttpResult, ValidationProblem>> OpenAsync(
        string? device, SessionOpener opener, WorkflowRuntime runtime, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (DeviceQuery.Check(device, out var chosen) is { } invalid)
        {
            return invalid;
        }

        var opening = await opener.OpenAsync(chosen, time.GetUtcNow(), evenIfEmpty: true, http.ToRequestContext(), cancellationToken);
        if (opening.Result is not (SessionOpeningResult.Opened or SessionOpeningResult.AlreadyOpened)
            || await LoadAsync(runtime, opening.SessionId, cancellationToken) is not { } session)
        {
            return CommissionProblems.Rejected(opening.Detail);
        }

        var body = SessionResponse.From(session);
        return opening.Result == SessionOpeningResult.Opened ? TypedResults.Created($"{Prefix}/{opening.SessionId}", body) : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(string sessionId, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (!InstanceIds.IsValid(sessionId))
        {
            return CommissionProblems.Invalid("sessionId", $"« {sessionId} » n'est pas un identifiant de séance valide.");
        }

        return await LoadAsync(runtime, sessionId, cancellationToken) is { } session
            ? TypedResults.Ok(SessionResponse.From(session))
            : CommissionProblems.NotFound(sessionId);
    }

    /// <summary>The session's state, or null when there is no commission session of that id.</summary>
    private static async Task<CommissionSession?> LoadAsync(WorkflowRuntime runtime, string sessionId, CancellationToken cancellationToken) =>
        await runtime.GetStatusAsync(sessionId, withData: true, cancellationToken) is { WorkflowType: CommissionSessionDecider.TypeName, State: { } state }
            ? state.Deserialize<CommissionSession>(WorkflowJson.Options)
            : null;
}
