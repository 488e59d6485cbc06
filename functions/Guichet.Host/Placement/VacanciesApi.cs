using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guichet.Domain.Placement;
using Guichet.Host.Http;
using Guichet.Host.ReadModels;
using Guichet.Host.Security;
using Guichet.Host.Structures;
using Guichet.Runtime;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Azure.Data.Tables;

namespace Guichet.Host.Placement;

/// <summary>
/// A structure's free places (<c>/api/structures/{structureId}/vacancies…</c>): declared by the structure's own users
/// (or an ARS administrator), no more than its capacity less its ongoing stays and open places (serialised per structure
/// by <see cref="DeclarationGuard"/>), each starting a vacancy
/// workflow that asks the matching for three candidates; withdrawn by them (<see cref="VacancyWithdrawal"/>).
/// </summary>
public static class VacanciesApi
{
    /// <summary>The header whose value, with the structure, names the vacancy: a declaration sent twice declares one place.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapVacanciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithMetadata(StructuresApi.Tag).RequireAuthorization(Policies.StructuresOrAdministration);
        group.MapPost("/structures/{structureId}/vacancies", DeclareAsync).WithName("DeclareVacancy")
            .WithSummary("Déclare une place libre (date de disponibilité, caractéristiques parmi celles de la structure) : le rapprochement propose jusqu'à trois candidats dans l'ordre du classement.")
            .Accepts<VacancyDeclaration>("application/json")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesValidationProblem(422);
        group.MapGet("/structures/{structureId}/vacancies", ListAsync).WithName("ListVacancies")
            .WithSummary("Les places déclarées par la structure, la plus récente d'abord, avec leurs candidatures en attente.")
            .ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/structures/{structureId}/vacancies/{vacancyId}", GetAsync).WithName("GetVacancy")
            .WithSummary("Une place et ses candidatures ; pour les administrateurs ARS, chaque proposition avec la version de grille et pourquoi les dossiers mieux classés ont été écartés.")
            .ProducesProblem(403).ProducesProblem(404);
        group.MapSkippedDossiers();
        group.MapVacancyWithdrawal();
        return app;
    }

    private static async Task<Results<Created<VacancyView>, Ok<VacancyView>, ProblemHttpResult, ValidationProblem>> DeclareAsync(
        string structureId,
        [FromBody] JsonElement? body,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        StructureRegistry registry,
        DeclarationGuard guard,
        WorkflowRuntime runtime,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!StructureAccess.CanActFor(http.User, structureId))
        {
            return StructureProblems.NotYours(structureId);
        }

        if (await registry.FindAsync(structureId, cancellationToken) is not { } structure)
        {
            return StructureProblems.NotFound(structureId);
        }

        var (declaration, unreadable) = StructureProblems.Read<VacancyDeclaration>(body, "La place");
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (declaration?.AvailableFrom is not { } from)
        {
            return StructureProblems.Invalid("$.availableFrom", "Une place libre porte sa date de disponibilité (availableFrom, AAAA-MM-JJ).");
        }

        var place = FreePlace.Of(structure, from, declaration.Features);
        if (place.ValidateFor(structure) is { Count: > 0 } violations)
        {
            return StructureProblems.Violations("La place", violations);
        }

        // A declaration sent again finds its vacancy started: it holds its place already.
        var vacancyId = VacancyIdOf(structureId, idempotencyKey, time);
        if (await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) is null
            && await guard.ReserveAsync(structure, vacancyId, cancellationToken) is { } full)
        {
            return full;
        }

        var input = JsonSerializer.SerializeToElement(new DeclareVacancy(place, structure.Name), WorkflowJson.Options);
        var started = await runtime.StartAsync(VacancyDecider.TypeName, vacancyId, input, http.ToRequestContext(), cancellationToken: cancellationToken);
        if (started.Result is not (Runtime.Instances.StartResult.Started or Runtime.Instances.StartResult.AlreadyExists)
            || await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) is not { } vacancy || vacancy.Place.StructureId != structureId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: started.Reason ?? "La place n'a pas pu être déclarée.");
        }

        var view = VacancyView.Of(vacancy, time.GetUtcNow(), http.User.IsInRole(Roles.ArsAdmin));
        return started.Result == Runtime.Instances.StartResult.Started
            ? TypedResults.Created($"{StructuresApi.Prefix}/{structureId}/vacancies/{vacancyId}", view)
            : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<List<VacancyRow>>, ProblemHttpResult>> ListAsync(
        string structureId, StructureRegistry registry, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (!StructureAccess.CanActFor(http.User, structureId))
        {
            return StructureProblems.NotYours(structureId);
        }

        if (await registry.FindAsync(structureId, cancellationToken) is null)
        {
            return StructureProblems.NotFound(structureId);
        }

        var rows = await runtime.ReadModel(PlacementReadModels.Vacancies).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {structureId}"), cancellationToken);
        return TypedResults.Ok(rows.Select(ReadModelRows.As<VacancyRow>).OrderByDescending(v => v.DeclaredAt).ToList());
    }

    private static async Task<Results<Ok<VacancyView>, ProblemHttpResult>> GetAsync(
        string structureId, string vacancyId, WorkflowRuntime runtime, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!StructureAccess.CanActFor(http.User, structureId))
        {
            return StructureProblems.NotYours(structureId);
        }

        return await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) is { } vacancy && vacancy.Place.StructureId == structureId
            ? TypedResults.Ok(VacancyView.Of(vacancy, time.GetUtcNow(), http.User.IsInRole(Roles.ArsAdmin), http.User.IsInRole(Roles.MedicalReader)))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune place « {vacancyId} » pour la structure « {structureId} ».");
    }

    /// <summary>
    /// A fresh id, or with an Idempotency-Key the same id for the same structure and key whatever the day: a retry
    /// after midnight must not declare the place twice.
    /// </summary>
    private static string VacancyIdOf(string structureId, string? idempotencyKey, TimeProvider time) =>
        idempotencyKey is { Length: > 0 }
            ? $"vacancy-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{structureId}\n{idempotencyKey}")), 0, 12)}"
            : $"vacancy-{time.GetUtcNow():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..24]}";
}
