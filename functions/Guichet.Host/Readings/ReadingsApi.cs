using Guichet.Domain.Dossiers;
using Guichet.Host.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Readings;

/// <summary>
/// The double reading (DESIGN §3): the readings to do, from the read model <c>PendingReadings</c> (medical ones
/// for medical readers, social ones for social readers, both for ARS administrators, who get no medical detail:
/// the list holds none), and the recording of each reading on its dossier — the medical one by medical readers
/// only, the social one by social readers only.
/// </summary>
public static partial class ReadingsApi
{
    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapReadingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .WithMetadata(new ApiTag("Lectures", "Double lecture des dossiers : lectures à faire (médicales pour les lecteurs médicaux, sociales pour les lecteurs sociaux, les deux pour l'ARS) et enregistrement de chaque lecture."))
            .AddEndpointFilter<DossierRouteFilter>();
        group.MapGet("/readings/pending", ListPendingAsync).WithName("ListPendingReadings").RequireAuthorization(Policies.Reviewers)
            .WithSummary("Les lectures à faire d'un type (kind=medical|social), par pages (top ; page suivante dans x-ms-continuation-token) ; 403 pour un type que le rôle ne lit pas.")
            .ProducesValidationProblem();
        group.MapPost("/dossiers/{id}/readings/medical", RecordMedicalAsync).WithName("RecordMedicalReading").RequireAuthorization(Policies.MedicalReaders)
            .WithSummary("Enregistre la lecture médicale d'un dossier (lecteurs médicaux) ; 422 si une règle la refuse (inéligibilité sans motif ni orientation, lecture déjà faite…).")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        group.MapPost("/dossiers/{id}/readings/social", RecordSocialAsync).WithName("RecordSocialReading").RequireAuthorization(Policies.SocialReaders)
            .WithSummary("Enregistre la lecture sociale d'un dossier (lecteurs sociaux) ; 422 si une règle la refuse.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        return app;
    }

    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> RecordMedicalAsync(
        string id,
        [FromBody] MedicalReadingRequest? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return DossierProblems.Invalid("verdict", "Le corps de la requête est la lecture médicale (verdict, severity, needs…).");
        }

        if (body.ToReading(out var reading) is { } invalid)
        {
            return invalid;
        }

        return await RecordAsync(runtime, http, id, DossierEventNames.MedicalReadingRecorded, new MedicalReadingRecorded(reading), idempotencyKey, cancellationToken);
    }

    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> RecordSocialAsync(
        string id,
        [FromBody] SocialReadingRequest? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return DossierProblems.Invalid("verdict", "Le corps de la requête est la lecture sociale (verdict, vulnerability, housing…).");
        }

        if (body.ToReading(out var reading) is { } invalid)
        {
            return invalid;
        }

        return await RecordAsync(runtime, http, id, DossierEventNames.SocialReadingRecorded, new SocialReadingRecorded(reading), idempotencyKey, cancellationToken);
    }

    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> RecordAsync(
        WorkflowRuntime runtime, HttpContext http, string id, string eventName, DossierEvent recorded, string? idempotencyKey, CancellationToken cancellationToken) =>
        await DossierLoader.StatusAsync(runtime, id, cancellationToken) is null
            ? DossierProblems.NotFound(id)
            : await DossierCommands.RaiseAsync(runtime, http, id, eventName, recorded, idempotencyKey, cancellationToken);
}
