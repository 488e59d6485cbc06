using Azure.Data.Tables;
using Guichet.Domain.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.Intake;
using Guichet.Host.Observability;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Dossiers;

/// <summary>
/// The dossiers (<c>/api/dossiers…</c>): a dossier as its reader may see it (<see cref="DossierReader"/>), a
/// prescriber's request by its externalRef, and the prescriber's commands (withdraw, answer a question). A
/// prescriber reaches only the dossiers holding one of its organisation's requests; any other is answered 404, as
/// a missing one. Every read of a dossier is audited with its reader and whether the medical part was shown.
/// </summary>
public static partial class DossiersApi
{
    /// <summary>The largest <c>externalRef</c>, as intake validates it.</summary>
    private const int MaxExternalRefLength = 100;

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .WithMetadata(new ApiTag("Dossiers", "Dossiers des personnes : consultation selon le rôle (partie médicale réservée aux lecteurs médicaux), suivi par le prescripteur de ses propres demandes, retrait, réponse aux questions."))
            .AddEndpointFilter<DossierRouteFilter>();
        group.MapGet("/dossiers/{id}", GetAsync).WithName("GetDossier").RequireAuthorization(Policies.DossierReaders)
            .WithSummary("Un dossier, selon le rôle : le prescripteur ne voit que les siens, la partie médicale n'est montrée qu'aux lecteurs médicaux ; 404 pour un dossier inconnu ou d'une autre organisation.")
            .ProducesValidationProblem().ProducesProblem(404);
        group.MapGet("/dossiers", FindByExternalRefAsync).WithName("FindDossierByExternalRef").RequireAuthorization(Policies.Prescribers)
            .WithSummary("Ce qu'est devenue une demande du prescripteur, par sa référence (externalRef) : le dossier qui la porte, ou son rejet avec les motifs ; 404 si ni l'un ni l'autre.")
            .ProducesValidationProblem().ProducesProblem(404);
        group.MapGet("/dossiers/{id}/event-outcome", GetEventOutcomeAsync).WithName("GetDossierEventOutcome").RequireAuthorization(Policies.DossierReaders)
            .WithSummary("Ce qu'est devenue une action envoyée au dossier (eventId) : en attente tant que le dossier est suspendu, appliquée, refusée avec le motif, ou en échec ; " +
                "l'adresse (Location) d'une action mise en attente. Mêmes droits que le dossier ; le motif d'un refus est réservé aux rôles médicaux.")
            .ProducesValidationProblem().ProducesProblem(404);
        MapCommands(group);
        MapConfirmation(group);
        return app;
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (await DossierLoader.LoadAsync(runtime, id, cancellationToken) is not var (dossier, _))
        {
            return DossierProblems.NotFound(id);
        }

        var reader = DossierReader.Of(http.User);
        if (!reader.MayRead(dossier))
        {
            AuditDisclosure.Record(http, id, DossierCommands.NotTheOrganisations, medicalShown: false);
            return DossierProblems.NotFound(id);
        }

        var view = DossierView.Of(dossier, reader);
        AuditDisclosure.Record(http, id, "dossier", view.MedicalShown);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<EventOutcome>, ProblemHttpResult, ValidationProblem>> GetEventOutcomeAsync(
        string id, [FromQuery] string? eventId, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (await DossierLoader.LoadAsync(runtime, id, cancellationToken) is not var (dossier, _))
        {
            return DossierProblems.NotFound(id);
        }

        if (!DossierReader.Of(http.User).MayRead(dossier))
        {
            AuditDisclosure.Record(http, id, DossierCommands.NotTheOrganisations, medicalShown: false);
            return DossierProblems.NotFound(id);
        }

        // A refusal may quote what the dossier holds: its reason, as the instance route, to the medical roles only.
        var medical = http.User.IsInRole(Roles.MedicalReader);
        AuditDisclosure.Record(http, id, "event outcome", medical);
        return await RaisedEvents.ReadAsync(runtime, id, eventId, hideReason: !medical, cancellationToken);
    }

    private static async Task<Results<Ok<RequestLookup>, ProblemHttpResult, ValidationProblem>> FindByExternalRefAsync(
        [FromQuery] string? externalRef,
        WorkflowRuntime runtime,
        IntakeRejections rejections,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(externalRef))
        {
            return DossierProblems.Invalid("externalRef", "Le paramètre externalRef (la référence de la demande chez le prescripteur) est obligatoire.");
        }

        if (externalRef.Length > MaxExternalRefLength || externalRef.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            return DossierProblems.Invalid("externalRef", $"« {externalRef} » n'est pas une référence valide : {MaxExternalRefLength} caractères au plus, sans / \\ # ? ni caractère de contrôle.");
        }

        // The policy requires the organisation: it is the prescriber's id, the partition of its requests.
        var prescriberId = Caller.Org(http.User)!;
        if (DossierReadModels.CurrentRequest(externalRef, await RequestRowsAsync(runtime, prescriberId, externalRef, cancellationToken)) is { } row)
        {
            var dossier = new RequestDossier(row.DossierId, row.Device, row.Status, row.SubmittedAt, row.Reason);
            AuditDisclosure.Record(http, dossier.DossierId, "request status", medicalShown: false);
            return TypedResults.Ok(new RequestLookup(externalRef, dossier, null));
        }

        return await rejections.FindAsync(prescriberId, externalRef, cancellationToken) is [var rejection, ..]
            ? TypedResults.Ok(new RequestLookup(externalRef, null, new RequestRejection(prescriberId, externalRef, rejection.ReceivedAt, rejection.Reasons)))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: $"Aucune demande « {externalRef} » de votre organisation : ni dossier, ni rejet. Une demande déposée à l'instant peut mettre quelques secondes à apparaître.");
    }

    /// <summary>The rows of a request, one per dossier that held it: one key range of the prescriber's partition, one page as a rule.</summary>
    private static async Task<List<(string RowKey, DossierRequestRow Row)>> RequestRowsAsync(WorkflowRuntime runtime, string prescriberId, string externalRef, CancellationToken ct)
    {
        var (from, to) = DossierReadModels.RequestRowRange(externalRef);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {prescriberId} and RowKey ge {from} and RowKey lt {to}");
        var model = runtime.ReadModel(DossierReadModels.Requests);
        var rows = new List<(string, DossierRequestRow)>();
        string? token = null;
        do
        {
            var page = await model.QueryAsync(filter, continuationToken: token, cancellationToken: ct);
            rows.AddRange(page.Rows.Select(r => (r.RowKey, ReadModelRows.Request(r))));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return rows;
    }
}
