using System.Text.Json;
using Guichet.Domain.Placement;
using Guichet.Host.Http;
using Guichet.Host.Instances;
using Guichet.Host.Security;
using Guichet.Host.Structures;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Placement;

/// <summary>
/// A structure withdraws one of its free places (<c>POST …/vacancies/{vacancyId}/withdraw</c>, <c>{reason}</c>): the
/// vacancy ends as cancelled and its pending candidates go back to the waiting list.
/// </summary>
internal static class VacancyWithdrawal
{
    /// <summary>Maps the route into the vacancies' group.</summary>
    public static RouteGroupBuilder MapVacancyWithdrawal(this RouteGroupBuilder group)
    {
        group.MapPost("/structures/{structureId}/vacancies/{vacancyId}/withdraw", WithdrawAsync).WithName("WithdrawVacancy")
            .WithSummary("Retire une place libre, motif à l'appui : ses candidatures en attente prennent fin (retirées, ce n'est pas un refus) et les dossiers retournent en liste d'attente.")
            .Accepts<VacancyWithdrawalRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return group;
    }

    private static async Task<Results<Ok<VacancyView>, Accepted<VacancyView>, ProblemHttpResult, ValidationProblem>> WithdrawAsync(
        string structureId,
        string vacancyId,
        [FromBody] JsonElement? body,
        [FromHeader(Name = VacanciesApi.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!StructureAccess.CanActFor(http.User, structureId))
        {
            return StructureProblems.NotYours(structureId);
        }

        if (await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) is not { } vacancy || vacancy.Place.StructureId != structureId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune place « {vacancyId} » pour la structure « {structureId} ».");
        }

        var (request, unreadable) = StructureProblems.Read<VacancyWithdrawalRequest>(body, "Le retrait");
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (request?.Reason is not { } reason || string.IsNullOrWhiteSpace(reason) || reason.Length > 2_000)
        {
            return StructureProblems.Invalid("$.reason", "Le retrait d'une place dit pourquoi (reason, 2 000 caractères au plus).");
        }

        var payload = JsonSerializer.SerializeToElement(new VacancyCancelled(reason.Trim()), WorkflowJson.Options);
        var outcome = await runtime.RaiseEventAsync(vacancyId, VacancyEventNames.VacancyCancelled, payload, CallerEventIds.For(http, idempotencyKey), http.ToRequestContext(), cancellationToken);
        var after = await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) ?? vacancy;
        var view = VacancyView.Of(after, time.GetUtcNow(), http.User.IsInRole(Roles.ArsAdmin));
        return outcome.Result switch
        {
            RaiseResult.Applied => TypedResults.Ok(view),
            RaiseResult.Buffered => TypedResults.Accepted((string?)null, view),
            _ when RaisedEvents.OnFailedInstance(outcome) => RaisedEvents.Failed($"La place « {vacancyId} »", vacancyId),
            RaiseResult.Finished when after.End?.Status == VacancyStatus.Cancelled => TypedResults.Ok(view),
            RaiseResult.Finished => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"La place « {vacancyId} » est pourvue : elle ne peut plus être retirée."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: outcome.Reason ?? "La place n'a pas pu être retirée."),
        };
    }
}

/// <summary>Why a structure withdraws a free place.</summary>
/// <param name="Reason">Why, in French.</param>
public sealed record VacancyWithdrawalRequest(string? Reason = null);
