using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Host.Http;
using Guichet.Host.Instances;
using Guichet.Host.Observability;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Dossiers;

/// <summary>
/// Raises a command on a dossier as its event and answers as the instance API does: 202 with <c>Location</c>
/// once applied (or de-duplicated) or buffered (then <c>Location</c> is the event's outcome, since it may still be
/// refused), 404 for no dossier, 409 for a Failed one, 410 for an ended one, 422 with the rule's French reason
/// when the dossier says no (nothing changed). The <c>Idempotency-Key</c> header, when given, scoped by its
/// caller, is the event's id, so that a retried command is applied once; without it, each call is a new event.
/// </summary>
internal static class DossierCommands
{
    /// <summary>What the audit line of a dossier refused as not the caller's says was disclosed.</summary>
    public const string NotTheOrganisations = "nothing (not a dossier of the organisation)";

    private const int MaxIdempotencyKeyLength = 200;

    /// <summary>
    /// A command a prescriber gives for its organisation, on a dossier holding one of its requests, or an ARS
    /// administrator for the guichet, on any dossier (a token with both roles acts as the administrator);
    /// <paramref name="command"/> makes the event for the prescriber's organisation, or for the guichet (null).
    /// </summary>
    public static Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> RaiseForCallerAsync(
        WorkflowRuntime runtime, HttpContext http, string dossierId, string eventName, Func<string?, DossierEvent> command, string? idempotencyKey, CancellationToken cancellationToken) =>
        http.User.IsInRole(Roles.ArsAdmin)
            ? RaiseForGuichetAsync(runtime, http, dossierId, eventName, command(null), idempotencyKey, cancellationToken)
            : RaiseForPrescriberAsync(runtime, http, dossierId, eventName, command(Caller.Org(http.User)), idempotencyKey, cancellationToken);

    /// <summary>
    /// A command of the prescriber: only on a dossier holding one of its organisation's requests; any other is answered
    /// as missing, and the refusal audited.
    /// </summary>
    public static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> RaiseForPrescriberAsync(
        WorkflowRuntime runtime, HttpContext http, string dossierId, string eventName, DossierEvent command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (CheckIdempotencyKey(idempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        if (await DossierLoader.LoadAsync(runtime, dossierId, cancellationToken) is not var (dossier, _))
        {
            return DossierProblems.NotFound(dossierId);
        }

        if (!DossierReader.Of(http.User).Prescribed(dossier))
        {
            AuditDisclosure.Record(http, dossierId, NotTheOrganisations, medicalShown: false);
            return DossierProblems.NotFound(dossierId);
        }

        return await RaiseAsync(runtime, http, dossierId, eventName, command, idempotencyKey, cancellationToken);
    }

    private static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> RaiseForGuichetAsync(
        WorkflowRuntime runtime, HttpContext http, string dossierId, string eventName, DossierEvent command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (CheckIdempotencyKey(idempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        return await DossierLoader.StatusAsync(runtime, dossierId, cancellationToken) is null
            ? DossierProblems.NotFound(dossierId)
            : await RaiseAsync(runtime, http, dossierId, eventName, command, idempotencyKey, cancellationToken);
    }

    /// <summary>Checks the <c>Idempotency-Key</c> header: 1 to 200 printable characters, or absent.</summary>
    public static ValidationProblem? CheckIdempotencyKey(string? idempotencyKey) =>
        idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl))
            ? DossierProblems.Invalid(DossierRoutes.IdempotencyKeyHeader, $"L'en-tête {DossierRoutes.IdempotencyKeyHeader} doit compter de 1 à {MaxIdempotencyKeyLength} caractères imprimables.")
            : null;

    public static async Task<Results<Accepted<DossierCommandResponse>, ProblemHttpResult, ValidationProblem>> RaiseAsync(
        WorkflowRuntime runtime,
        HttpContext http,
        string dossierId,
        string eventName,
        DossierEvent command,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (CheckIdempotencyKey(idempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        var eventId = CallerEventIds.For(http, idempotencyKey);
        var payload = JsonSerializer.SerializeToElement(command, command.GetType(), WorkflowJson.Options);
        RaiseOutcome outcome;
        try
        {
            outcome = await runtime.RaiseEventAsync(dossierId, eventName, payload, eventId, http.ToRequestContext(), cancellationToken);
        }
        catch (PayloadTooLargeException ex)
        {
            return DossierProblems.TooLarge(ex);
        }

        GuichetTelemetry.CountOperation(eventName, outcome.Result.ToString());
        return outcome.Result switch
        {
            RaiseResult.NotFound => DossierProblems.NotFound(dossierId),
            _ when RaisedEvents.OnFailedInstance(outcome) => RaisedEvents.Failed($"Le dossier « {dossierId} »", dossierId),
            RaiseResult.Finished => DossierProblems.Finished(dossierId, outcome.Status?.CustomStatus),
            RaiseResult.Rejected => DossierProblems.Rejected(outcome.Reason),
            RaiseResult.Invalid => DossierProblems.Invalid("payload", $"La demande ne correspond pas à l'événement « {eventName} » du dossier : {outcome.Reason}"),
            RaiseResult.Failed => DossierProblems.Failed(dossierId),
            _ => TypedResults.Accepted(
                outcome.Result == RaiseResult.Buffered
                    ? RaisedEvents.OutcomeUri(DossierRoutes.Location(http.Request, dossierId), eventId)
                    : DossierRoutes.Location(http.Request, dossierId),
                new DossierCommandResponse(dossierId, eventId, outcome.Result, outcome.Status?.CustomStatus)),
        };
    }
}
