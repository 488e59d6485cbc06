using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Stays;
using Guichet.Host.Http;
using Guichet.Host.Instances;
using Guichet.Host.Observability;
using Guichet.Host.ReadModels;
using Guichet.Host.Security;
using Guichet.Host.Structures;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Stays;

/// <summary>
/// Stays, from the confirmed admission to the exit (issue 9, outcomes): a structure lists its own, records an exit (the
/// place is declared free again), and renews an LHSS stay on a medical opinion whose author it names; a medical reader
/// may record a renewal too, and is the only one shown the opinion's content. ARS administrators act for any structure.
/// </summary>
public static class StaysApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapStaysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithMetadata(StructuresApi.Tag);
        group.MapGet("/structures/{structureId}/stays", ListAsync).WithName("ListStays").RequireAuthorization(Policies.StructuresOrAdministration)
            .WithSummary("Les séjours de la structure (admissions confirmées), l'entrée la plus récente d'abord, avec l'échéance LHSS et ses renouvellements ; status filtre (ongoing, past-planned-end, exited).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        group.MapPost("/stays/{stayId}/exit", ExitAsync).WithName("RecordStayExit").RequireAuthorization(Policies.StructuresOrAdministration)
            .WithSummary("Enregistre la sortie (date entre l'entrée et aujourd'hui, destination : housing, pension-de-famille, hospital, death, other ; note) : le séjour prend fin et la place est déclarée libre à nouveau dès la date de sortie. " +
                "La même sortie renvoyée ne change rien ; 409 si une autre sortie est déjà enregistrée.")
            .Accepts<StayExitRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        group.MapPost("/stays/{stayId}/renewals", RenewAsync).WithName("RenewStay").RequireAuthorization(Policies.StayRenewers)
            .WithSummary("Renouvelle un séjour LHSS sur avis médical (auteur de l'avis obligatoire ; contenu visible des seuls rôles médicaux) : l'échéance recule d'une période. " +
                "renews nomme l'échéance prolongée, pour qu'un renvoi ne renouvelle qu'une fois ; 422 pour un séjour qui n'est pas LHSS, 409 pour un séjour terminé.")
            .Accepts<StayRenewalRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return app;
    }

    private static async Task<Results<Ok<List<StayRow>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string structureId, string? status, StructureRegistry registry, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (!StructureAccess.CanActFor(http.User, structureId))
        {
            return StructureProblems.NotYours(structureId);
        }

        if (status is not null && !WireName.TryParse<StayStatus>(status, out _))
        {
            return StructureProblems.Invalid("status", $"Statut de séjour attendu : {string.Join(", ", WireName.All<StayStatus>())}.");
        }

        if (await registry.FindAsync(structureId, cancellationToken) is null)
        {
            return StructureProblems.NotFound(structureId);
        }

        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {structureId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {structureId} and status eq {status}");
        var rows = await runtime.ReadModel(StayReadModels.Stays).ReadAllAsync(filter, cancellationToken);
        return TypedResults.Ok(rows.Select(ReadModelRows.As<StayRow>).OrderByDescending(s => s.EntryDate, StringComparer.Ordinal).ThenBy(s => s.StayId, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Ok<StayView>, Accepted<StayView>, ProblemHttpResult, ValidationProblem>> ExitAsync(
        string stayId,
        [FromBody] JsonElement? body,
        [FromHeader(Name = Placement.VacanciesApi.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(runtime, stayId, cancellationToken) is not { } stay)
        {
            return NoStay(stayId);
        }

        if (!StructureAccess.CanActFor(http.User, stay.Place.StructureId))
        {
            return StructureProblems.NotYours(stay.Place.StructureId);
        }

        var (request, unreadable) = StructureProblems.Read<StayExitRequest>(body, "La sortie");
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (request?.Date is not { } date)
        {
            return StructureProblems.Invalid("$.date", "Une sortie porte sa date (date, AAAA-MM-JJ).");
        }

        if (!WireName.TryParse<StayDestination>(request.Destination, out var destination))
        {
            return StructureProblems.Invalid("$.destination", $"Destination de sortie inconnue « {request.Destination} » : attendue parmi {string.Join(", ", WireName.All<StayDestination>())}.");
        }

        var exit = new ExitRecorded(date, destination, request.Note);
        var outcome = await RaiseAsync(runtime, stayId, StayEventNames.ExitRecorded, exit, http, idempotencyKey, cancellationToken);
        var after = await LoadAsync(runtime, stayId, cancellationToken) ?? stay;
        AuditDisclosure.Record(http, stay.DossierId, "stay", medicalShown: false);
        var sameExit = after.Exit is { } done && done.Date == date && done.Destination == destination && done.Note == (request.Note?.Trim() is { Length: > 0 } n ? n : null);
        return Answered(outcome, after, "La sortie", medical: false, alreadyDone: sameExit);
    }

    private static async Task<Results<Ok<StayView>, Accepted<StayView>, ProblemHttpResult, ValidationProblem>> RenewAsync(
        string stayId,
        [FromBody] JsonElement? body,
        [FromHeader(Name = Placement.VacanciesApi.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(runtime, stayId, cancellationToken) is not { } stay)
        {
            return NoStay(stayId);
        }

        var medical = http.User.IsInRole(Roles.MedicalReader);
        if (!medical && !StructureAccess.IsOwnStructure(http.User, stay.Place.StructureId))
        {
            return StructureProblems.NotYours(stay.Place.StructureId);
        }

        var (request, unreadable) = StructureProblems.Read<StayRenewalRequest>(body, "Le renouvellement");
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (stay.PlannedEnd is { } end && request?.Renews is null)
        {
            // Named, not defaulted to the current end: a retried request would otherwise renew the end the first one set.
            return StructureProblems.Invalid("$.renews", string.Create(CultureInfo.InvariantCulture, $"Un renouvellement nomme l'échéance qu'il prolonge (renews, AAAA-MM-JJ) : aujourd'hui le {end:yyyy-MM-dd}."));
        }

        var renewal = new RenewalRecorded(request?.Renews ?? stay.EntryDate, request?.OpinionAuthor ?? "", request?.Opinion);
        var outcome = await RaiseAsync(runtime, stayId, StayEventNames.RenewalRecorded, renewal, http, idempotencyKey, cancellationToken);
        var after = await LoadAsync(runtime, stayId, cancellationToken) ?? stay;
        AuditDisclosure.Record(http, stay.DossierId, "stay", medicalShown: medical);
        return Answered(outcome, after, "Le renouvellement", medical, alreadyDone: false);
    }

    /// <summary>
    /// What a raised stay event answers: the stay as it now is, or why not; <paramref name="alreadyDone"/> when the
    /// ended stay already holds this very event (the same exit sent again is its answer, not a conflict).
    /// </summary>
    private static Results<Ok<StayView>, Accepted<StayView>, ProblemHttpResult, ValidationProblem> Answered(RaiseOutcome outcome, Stay after, string what, bool medical, bool alreadyDone) => outcome.Result switch
    {
        RaiseResult.Applied => TypedResults.Ok(StayView.Of(after, medical)),
        RaiseResult.Buffered => TypedResults.Accepted((string?)null, StayView.Of(after, medical)),
        _ when RaisedEvents.OnFailedInstance(outcome) => RaisedEvents.Failed($"Le séjour « {after.Id} »", after.Id),
        RaiseResult.Finished when alreadyDone => TypedResults.Ok(StayView.Of(after, medical)),
        RaiseResult.Finished => Ended(after),
        RaiseResult.Invalid => StructureProblems.Invalid("$", $"{what} ne correspond pas au format attendu : {outcome.Reason}"),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: outcome.Reason),
    };

    /// <summary>The stay's state, or null when there is no stay of that id.</summary>
    public static async Task<Stay?> LoadAsync(WorkflowRuntime runtime, string stayId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return InstanceIds.IsValid(stayId) && await runtime.GetStatusAsync(stayId, withData: true, cancellationToken) is { WorkflowType: StayDecider.TypeName, State: { } state }
            ? state.Deserialize<Stay>(WorkflowJson.Options)
            : null;
    }

    private static Task<RaiseOutcome> RaiseAsync(WorkflowRuntime runtime, string stayId, string name, StayEvent happened, HttpContext http, string? idempotencyKey, CancellationToken cancellationToken) =>
        runtime.RaiseEventAsync(stayId, name, JsonSerializer.SerializeToElement<object>(happened, WorkflowJson.Options), CallerEventIds.For(http, idempotencyKey), http.ToRequestContext(), cancellationToken);

    private static ProblemHttpResult NoStay(string stayId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucun séjour « {stayId} ».");

    private static ProblemHttpResult Ended(Stay stay) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        detail: stay.Exit is { } exit
            ? string.Create(CultureInfo.InvariantCulture, $"Le séjour a pris fin le {exit.Date:dd/MM/yyyy} (sortie : {WireName.Of(exit.Destination)}) : plus rien n'y change.")
            : "Le séjour a pris fin : plus rien n'y change.");
}
