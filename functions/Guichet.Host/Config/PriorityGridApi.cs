using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Domain.Ranking;
using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Host.WaitingList;
using Guichet.Runtime;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Config;

/// <summary>
/// The versioned priority grid (<c>/api/config/priority-grid</c>, DESIGN §3 and invariant 6): read by those who
/// rank or account for rankings; written, previewed against a waiting list and activated from a date by ARS
/// administrators. A version once activated never changes; who wrote and who activated each version is kept.
/// </summary>
public static class PriorityGridApi
{
    /// <summary>Where the grid is.</summary>
    public const string Prefix = "/api/config/priority-grid";

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapPriorityGridApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/config")
            .WithMetadata(new ApiTag("Priority grid", "Grille de priorité versionnée (cotation publiée) : lue par les administrateurs ARS, la commission, les lecteurs et l'observatoire ; écrite en brouillon, prévisualisée sur la liste d'attente et activée à une date par les administrateurs ARS. Une version activée ne change plus."));
        group.MapGet("/priority-grid", GetAsync).WithName("GetPriorityGrid").RequireAuthorization(Policies.GridReaders)
            .WithSummary("La grille en vigueur et toutes les versions (brouillon, programmée, active, retirée), avec leurs auteurs et dates d'activation.");
        group.MapPut("/priority-grid", PutAsync).WithName("PutPriorityGrid").RequireAuthorization(Policies.Administration)
            .WithSummary("Écrit une version brouillon (version omise : la suivante ; numéro d'un brouillon : sa révision). 422 avec chaque problème de la grille, 409 pour une version activée.")
            .Accepts<PriorityGrid>("application/json")
            .ProducesValidationProblem().ProducesProblem(409).ProducesValidationProblem(422);
        group.MapPost("/priority-grid/{version}/activate", ActivateAsync).WithName("ActivatePriorityGrid").RequireAuthorization(Policies.Administration)
            .WithSummary("Active une version à partir d'une date (from, par défaut maintenant ; jamais dans le passé) : la grille en vigueur à un instant est la dernière activée à cet instant ou avant.")
            .ProducesProblem(404).ProducesProblem(409).ProducesValidationProblem(422);
        group.MapGet("/priority-grid/{version}/preview", PreviewAsync).WithName("PreviewPriorityGrid").RequireAuthorization(Policies.Administration)
            .WithSummary("Compare une version à la grille en vigueur sur la liste d'attente d'un dispositif : le changement de rang de chaque dossier, et par sexe, tranche d'âge, département et groupe de pathologies.")
            .ProducesValidationProblem().ProducesProblem(404);
        return app;
    }

    private static async Task<Ok<PriorityGridResponse>> GetAsync(PriorityGridStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var versions = await store.ListAsync(cancellationToken);
        var inForce = GridVersion.InForce(versions, now);
        var shown = versions.OrderByDescending(v => v.Version).Select(v => GridVersionResponse.From(v, now, inForce)).ToList();
        return TypedResults.Ok(new PriorityGridResponse(shown.Single(v => v.Version == inForce?.Version), shown));
    }

    private static async Task<Results<Created<GridVersionResponse>, Ok<GridVersionResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        [FromBody] JsonElement? body, PriorityGridStore store, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (Bind(body, out var grid) is { } unreadable)
        {
            return unreadable;
        }

        var violations = GridValidation.Validate(grid.Version == 0 ? grid with { Version = 1 } : grid).ToList();
        if (!PriorityGridStore.Fits(grid))
        {
            violations.Add(new("$", "La grille est trop grande pour être enregistrée (30 000 caractères de JSON au plus)."));
        }

        if (violations.Count > 0)
        {
            return GridProblems.Violations(violations);
        }

        var write = await store.SaveDraftAsync(grid, Caller.Actor(http.User), cancellationToken);
        var now = time.GetUtcNow();
        return write.Result switch
        {
            GridWriteResult.Created => TypedResults.Created(Prefix, GridVersionResponse.From(write.Version!, now, null)),
            GridWriteResult.Revised => TypedResults.Ok(GridVersionResponse.From(write.Version!, now, null)),
            _ => GridProblems.Conflict(write.Detail),
        };
    }

    private static async Task<Results<Ok<GridVersionResponse>, ProblemHttpResult, ValidationProblem>> ActivateAsync(
        int version, DateTimeOffset? from, PriorityGridStore store, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = from ?? now;
        if (start < now)
        {
            return GridProblems.Violations([new("from", string.Create(CultureInfo.InvariantCulture, $"Une activation ne peut pas être antidatée ({start:O} est passé) : les classements déjà faits l'ont été avec la grille alors en vigueur."))]);
        }

        var write = await store.ActivateAsync(version, start, Caller.Actor(http.User), cancellationToken);
        return write.Result switch
        {
            GridWriteResult.Activated => TypedResults.Ok(GridVersionResponse.From(write.Version!, now, GridVersion.InForce(await store.ListAsync(cancellationToken), now))),
            GridWriteResult.NotFound => GridProblems.NotFound(write.Detail),
            _ => GridProblems.Conflict(write.Detail),
        };
    }

    private static async Task<Results<Ok<GridPreviewResult>, ProblemHttpResult, ValidationProblem>> PreviewAsync(
        int version, string? device, PriorityGridStore store, WorkflowRuntime runtime, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DeviceQuery.Check(device, out var chosen) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var versions = await store.ListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Version == version) is not { } draft)
        {
            return GridProblems.NotFound($"Aucune version {version} de la grille de priorité.");
        }

        var current = GridVersion.InForce(versions, now)!;
        var waiting = await WaitingListReader.ReadAsync(runtime, chosen, cancellationToken);
        return TypedResults.Ok(GridPreview.Compare(waiting.Select(w => w.Dossier), current.Grid, draft.Grid, now));
    }

    /// <summary>
    /// Binds the body strictly (a missing, unknown or mistyped field is named), so that a misspelt cap is not read
    /// as a cap of zero; a body without <c>version</c> asks for the next one.
    /// </summary>
    private static ValidationProblem? Bind(JsonElement? body, out PriorityGrid grid)
    {
        grid = null!;
        if (body is not { ValueKind: JsonValueKind.Object } element)
        {
            return GridProblems.Invalid("$", "Le corps doit être une grille de priorité en JSON (sections, seniorityPointsPer30Days, seniorityCap ; version facultative).");
        }

        var node = JsonObject.Create(element)!;
        node.TryAdd("version", 0);
        try
        {
            grid = node.Deserialize<PriorityGrid>(WorkflowJson.Binding)!;
            return null;
        }
        catch (JsonException ex)
        {
            var path = ex.Path ?? "$";
            return GridProblems.Invalid(path, $"Le champ « {path} » est manquant, inconnu ou n'a pas le type attendu ({ex.Message}).");
        }
    }
}
