using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Placement;
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
/// Candidacies (invariants 4 and 5): a structure lists its own with the deadline and the days left, and answers each
/// (admit with an entry date, or refuse with a code and a justification; 422 with the rule's reason, nothing changed;
/// 202 when the vacancy is suspended, with the answer's outcome as <c>Location</c>, since it may still be refused);
/// ARS administrators list candidacies by status, the overdue ones first of all.
/// </summary>
public static partial class CandidaciesApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapCandidaciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithMetadata(StructuresApi.Tag);
        group.MapGet("/structures/{structureId}/candidacies", ListOwnAsync).WithName("ListStructureCandidacies").RequireAuthorization(Policies.StructuresOrAdministration)
            .WithSummary("Les candidatures proposées à la structure, avec l'échéance et les jours restants ; status filtre (pending, overdue, refused…).")
            .ProducesValidationProblem().ProducesProblem(403);
        group.MapGet("/candidacies", ListAsync).WithName("ListCandidacies").RequireAuthorization(Policies.Administration)
            .WithSummary("Les candidatures de toutes les structures à un statut. status = overdue : la liste des retards pour l'ARS, chaque candidature passée en retard " +
                "quel que soit son statut depuis (réponse tardive comprise), par date de retard ; from / to bornent cette date, answered = true (répondue en retard) ou false.")
            .ProducesValidationProblem();
        group.MapPost("/candidacies/{candidacyId}/decision", DecideAsync).WithName("DecideCandidacy").RequireAuthorization(Policies.Structures)
            .WithSummary("La réponse de la structure : admission (date d'entrée) ou refus motivé (code de la nomenclature, justification, orientation recommandée si non éligible). 422 avec le motif si elle est incomplète ; après l'échéance, enregistrée comme tardive ; " +
                "202 si la place est suspendue (la réponse n'est pas encore prise en compte : l'adresse Location dira si elle a été appliquée ou refusée) ; 409 si la place est en échec.")
            .Accepts<CandidacyAnswer>("application/json")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        group.MapGet("/candidacies/{candidacyId}/event-outcome", GetEventOutcomeAsync).WithName("GetCandidacyEventOutcome").RequireAuthorization(Policies.Structures)
            .WithSummary("Ce qu'est devenue une réponse de la structure (eventId) : en attente tant que la place est suspendue, appliquée, refusée avec le motif, ou en échec ; " +
                "l'adresse (Location) d'une réponse mise en attente.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        MapCandidate(group);
        MapProposals(group);
        MapOverdueCount(group);
        return app;
    }

    private static async Task<Results<Ok<List<CandidacyView>>, ProblemHttpResult, ValidationProblem>> ListOwnAsync(
        string structureId, string? status, WorkflowRuntime runtime, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!StructureAccess.CanActFor(http.User, structureId))
        {
            return StructureProblems.NotYours(structureId);
        }

        if (CheckStatus(status, required: false) is { } invalid)
        {
            return invalid;
        }

        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {structureId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {structureId} and status eq {status}");
        return TypedResults.Ok(await ReadAsync(runtime, filter, time, cancellationToken));
    }

    private static async Task<Results<Ok<List<CandidacyView>>, ValidationProblem>> ListAsync(
        string? status, string? from, string? to, bool? answered, WorkflowRuntime runtime, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CheckStatus(status, required: true) is { } invalid)
        {
            return invalid;
        }

        if (status == WireName.Of(CandidacyStatus.Overdue))
        {
            var (period, problem) = CheckPeriod(from, to);
            return period is { } p
                ? TypedResults.Ok((await OverdueCandidacies.ListAsync(runtime, p.From, p.To, answered, cancellationToken)).Select(r => CandidacyView.Of(r, time.GetUtcNow())).ToList())
                : problem!;
        }

        if (from is not null || to is not null || answered is not null)
        {
            return StructureProblems.Invalid(from is not null ? "from" : to is not null ? "to" : "answered", "from, to et answered ne filtrent que la liste des retards (status = overdue).");
        }

        return TypedResults.Ok(await ReadAsync(runtime, TableClient.CreateQueryFilter($"status eq {status}"), time, cancellationToken));
    }

    private static async Task<Results<Ok<EventOutcome>, ProblemHttpResult, ValidationProblem>> GetEventOutcomeAsync(
        string candidacyId, [FromQuery] string? eventId, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        var vacancyId = VacancyIdOf(candidacyId);
        if (await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) is not { } vacancy || vacancy.CandidacyById(candidacyId) is null)
        {
            return NoCandidacy(candidacyId);
        }

        return StructureAccess.IsOwnStructure(http.User, vacancy.Place.StructureId)
            ? await RaisedEvents.ReadAsync(runtime, vacancyId, eventId, hideReason: false, cancellationToken)
            : StructureProblems.NotYours(vacancy.Place.StructureId);
    }

    private static async Task<Results<Ok<CandidacyView>, Accepted<CandidacyView>, ProblemHttpResult, ValidationProblem>> DecideAsync(
        string candidacyId,
        [FromBody] JsonElement? body,
        [FromHeader(Name = VacanciesApi.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var vacancyId = VacancyIdOf(candidacyId);
        if (await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) is not { } vacancy || vacancy.CandidacyById(candidacyId) is not { } candidacy)
        {
            return NoCandidacy(candidacyId);
        }

        if (!StructureAccess.IsOwnStructure(http.User, vacancy.Place.StructureId))
        {
            return StructureProblems.NotYours(vacancy.Place.StructureId);
        }

        var (answer, unreadable) = StructureProblems.Read<CandidacyAnswer>(body, "La réponse");
        if (answer is null)
        {
            return unreadable ?? StructureProblems.Invalid("$", "Le corps est la réponse de la structure : decision (admit ou refuse), entryDate, code, justification, recommendedOrientation.");
        }

        // Strict: no decision is no answer (never the enum's first value, which admits).
        if (answer.Decision is not { } decision)
        {
            return StructureProblems.Invalid("decision", "La réponse porte sa décision : decision vaut admit ou refuse.");
        }

        // The vacancy answers a dossier's latest candidacy: one the dossier never took, proposed again since, is over.
        var dossierId = candidacy.DossierId;
        if (vacancy.CandidacyOf(dossierId)!.Id != candidacyId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: $"La candidature {candidacyId} a déjà pris fin (retirée) : sa réponse ne change plus.");
        }

        var decided = new CandidacyDecided(dossierId, decision, answer.EntryDate, answer.Code, answer.Justification, answer.RecommendedOrientation, candidacyId);
        var payload = JsonSerializer.SerializeToElement(decided, WorkflowJson.Options);
        var eventId = CallerEventIds.For(http, idempotencyKey);
        var outcome = await runtime.RaiseEventAsync(vacancyId, VacancyEventNames.CandidacyDecided, payload, eventId, http.ToRequestContext(), cancellationToken);
        var after = await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) ?? vacancy;
        return outcome.Result switch
        {
            RaiseResult.Applied => TypedResults.Ok(ViewOf(after, candidacyId, time)),
            // Not taken yet: the vacancy is suspended, and the answer may still be refused on resumption.
            RaiseResult.Buffered => TypedResults.Accepted(RaisedEvents.OutcomeUri(CandidacyUri(http.Request, candidacyId), eventId), ViewOf(after, candidacyId, time)),
            _ when RaisedEvents.OnFailedInstance(outcome) => RaisedEvents.Failed($"La place « {vacancyId} »", vacancyId),
            RaiseResult.Finished when SameAnswer(after, decided) => TypedResults.Ok(ViewOf(after, candidacyId, time)),
            RaiseResult.Finished => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"La place est {(after.Status == VacancyStatus.Filled ? "pourvue" : "retirée")} : cette candidature a pris fin ({WireName.Of(after.CandidacyOf(dossierId)!.Status)})."),
            RaiseResult.Invalid => StructureProblems.Invalid("$", $"La réponse ne correspond pas au format attendu : {outcome.Reason}"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: outcome.Reason),
        };
    }

    private static ProblemHttpResult NoCandidacy(string candidacyId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune candidature « {candidacyId} ».");

    private static string CandidacyUri(HttpRequest request, string candidacyId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/candidacies/{Uri.EscapeDataString(candidacyId)}";

    /// <summary>
    /// Whether the ended vacancy already holds this very answer (decision, entry date, code, justification, orientation):
    /// the same decision sent again is answered as the first, any other is a conflict.
    /// </summary>
    private static bool SameAnswer(Vacancy vacancy, CandidacyDecided decided) =>
        vacancy.CandidacyOf(decided.DossierId)?.Outcome is { } outcome && CandidacyRules.SameAnswer(outcome, decided);

    private static CandidacyView ViewOf(Vacancy vacancy, string candidacyId, TimeProvider time) =>
        CandidacyView.Of(VacancyRows.Of(vacancy).Select(p => p.Row).OfType<CandidacyRow>().Single(r => r.CandidacyId == candidacyId), time.GetUtcNow());

    /// <summary>The vacancy of "{vacancy id}~{dossier id}[~n]"; an id without the separator names no vacancy.</summary>
    private static string VacancyIdOf(string candidacyId) =>
        candidacyId.IndexOf('~', StringComparison.Ordinal) is var at and > 0 ? candidacyId[..at] : "";

    private static ValidationProblem? CheckStatus(string? status, bool required) =>
        status is null && !required ? null
        : status is not null && WireName.TryParse<CandidacyStatus>(status, out _) ? null
        : StructureProblems.Invalid("status", $"Statut de candidature attendu : {string.Join(", ", WireName.All<CandidacyStatus>())}.");

    private static async Task<List<CandidacyView>> ReadAsync(WorkflowRuntime runtime, string filter, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await runtime.ReadModel(PlacementReadModels.Candidacies).ReadAllAsync(filter, cancellationToken);
        return [.. rows.Select(ReadModelRows.As<CandidacyRow>).OrderBy(r => r.DueAt).ThenBy(r => r.CandidacyId, StringComparer.Ordinal).Select(r => CandidacyView.Of(r, now))];
    }
}
