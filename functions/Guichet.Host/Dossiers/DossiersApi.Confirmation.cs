using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.ReadModels;
using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Dossiers;

// The periodic confirmation of a waiting dossier: its prescriber (or the guichet, after a call) confirms; the ARS reads
// the dossiers whose date passed unconfirmed, to call their prescribers before they expire.
public static partial class DossiersApi
{
    private static void MapConfirmation(RouteGroupBuilder group)
    {
        group.MapPost("/dossiers/{id}/confirmation", ConfirmAsync).WithName("ConfirmDossier").RequireAuthorization(Policies.Confirmers)
            .WithSummary("Le prescripteur d'une demande du dossier, ou l'administrateur ARS pour le guichet (après un appel), confirme que la personne attend toujours une place (note facultative) : " +
                "la prochaine confirmation est due dans la période configurée (6 mois par défaut). Rejouable sans effet double avec l'en-tête Idempotency-Key ; 422 si le dossier n'est pas en liste d'attente ; 410 s'il est clos.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        group.MapGet("/dossiers/awaiting-confirmation", ListAwaitingConfirmationAsync).WithName("ListDossiersAwaitingConfirmation").RequireAuthorization(Policies.Administration)
            .WithSummary("Les dossiers en liste d'attente dont la confirmation n'est pas arrivée à la date : prescripteurs à relancer et date de clôture, la plus proche d'abord ; device filtre le dispositif.")
            .ProducesValidationProblem();
    }

    /// <summary>A prescriber confirms a dossier holding one of its organisation's requests; an ARS administrator, any dossier, for the guichet.</summary>
    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> ConfirmAsync(
        string id,
        [FromBody] ConfirmationRequest? body,
        [FromHeader(Name = DossierRoutes.IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (DossierProblems.OptionalText("note", body?.Note) is { } invalid)
        {
            return invalid;
        }

        var note = body?.Note?.Trim() is { Length: > 0 } text ? text : null;
        return await DossierCommands.RaiseForCallerAsync(
            runtime, http, id, DossierEventNames.WaitingConfirmed, prescriber => new WaitingConfirmed(note, prescriber), idempotencyKey, cancellationToken);
    }

    private static async Task<Results<Ok<List<AwaitingConfirmationView>>, ValidationProblem>> ListAwaitingConfirmationAsync(
        [FromQuery] string? device, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        string? filter = null;
        if (device is not null)
        {
            if (DeviceQuery.Check(device, out var chosen) is { } invalid)
            {
                return invalid;
            }

            filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {WireName.Of(chosen)}");
        }

        var rows = await runtime.ReadModel(DossierReadModels.AwaitingConfirmation).ReadAllAsync(filter, cancellationToken);
        return TypedResults.Ok(rows.Select(ReadModels.ReadModelRows.As<AwaitingConfirmationRow>).Select(AwaitingConfirmationView.Of)
            .OrderBy(v => v.ClosesAt).ThenBy(v => v.DossierId, StringComparer.Ordinal).ToList());
    }
}
