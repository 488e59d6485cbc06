using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Domain.Structures;
using Guichet.Host.Http;
using Guichet.Host.Instances;
using Guichet.Host.ReadModels;
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
/// vacancy ends as cancelled and its pending candidates go back to the waiting list. And the capacity a declaration may
/// not exceed: the structure's authorised places less its ongoing stays and its open vacancies.
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

    /// <summary>What holds the places of <paramref name="structure"/> by its read models: how many stays are ongoing, and the ids of its open vacancies.</summary>
    public static async Task<(int Stays, HashSet<string> Open)> OccupiedAsync(Structure structure, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var exited = WireName.Of(StayStatus.Exited);
        var (candidates, answers) = (WireName.Of(VacancyStatus.AwaitingCandidates), WireName.Of(VacancyStatus.AwaitingAnswers));
        var stays = await runtime.ReadModel(StayReadModels.Stays).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {structure.Id} and status ne {exited}"), cancellationToken);
        var open = await runtime.ReadModel(PlacementReadModels.Vacancies)
            .ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {structure.Id} and (status eq {candidates} or status eq {answers})"), cancellationToken);
        return (stays.Count, open.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The 422 of a declaration beyond the capacity, saying what holds the places, in French.</summary>
    public static ProblemHttpResult Full(Structure structure, int stays, int open)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: $"{structure.Name} compte {structure.Capacity} places autorisées : {stays} séjour(s) en cours et {open} place(s) libre(s) déjà déclarée(s). Aucune place de plus ne peut être déclarée ; retirez une place déclarée ou enregistrez une sortie d'abord.");
    }

    private static async Task<Results<Ok<VacancyView>, ProblemHttpResult, ValidationProblem>> WithdrawAsync(
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

        var reason = body is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2_000)
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
            _ when RaisedEvents.OnFailedInstance(outcome) => RaisedEvents.Failed($"La place « {vacancyId} »", vacancyId),
            RaiseResult.Finished when after.End?.Status == VacancyStatus.Cancelled => TypedResults.Ok(view),
            RaiseResult.Finished => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"La place « {vacancyId} » est pourvue : elle ne peut plus être retirée."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: outcome.Reason ?? "La place n'a pas pu être retirée."),
        };
    }
}

/// <summary>Why a structure withdraws a free place.</summary>
/// <param name="Reason">Why, in French.</param>
public sealed record VacancyWithdrawalRequest(string Reason);
