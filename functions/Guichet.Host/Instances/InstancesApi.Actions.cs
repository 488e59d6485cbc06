using System.Text.Json;
using Guichet.Host.Http;
using Guichet.Host.Observability;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Instances;

public static partial class InstancesApi
{
    /// <summary>The header whose value, scoped by its caller, becomes the event's de-duplication id.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxIdempotencyKeyLength = 200;
    private const int MaxReasonLength = 1000;

    private static void MapActions(RouteGroupBuilder group)
    {
        MapOutcomes(group);
        group.MapPost("/instances/{instanceId}/events/{name}", RaiseEventAsync).WithName("RaiseInstanceEvent")
            .WithSummary("Envoie un événement (le corps JSON en est la charge) ; 400 si l'événement est inconnu ou sa charge mal formée, 404 si l'instance n'existe pas, " +
                "409 si c'est un dossier, une séance de commission ou une vacance (leurs événements passent par leurs routes métier), 410 si elle est terminée, 409 aussi si elle est en échec (à reprendre d'abord), 422 si une règle le refuse ; " +
                "202 si elle est suspendue ou en attente : l'événement attend, et l'adresse Location dira s'il a été appliqué ou refusé. " +
                "L'en-tête Idempotency-Key rend l'envoi rejouable sans effet double, pour le même appelant.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(422);
        group.MapPost("/instances/{instanceId}/terminate", TerminateAsync).WithName("TerminateInstance")
            .WithSummary("Termine une instance ; le motif (reason) est obligatoire.").ProducesProblem(404).ProducesProblem(410);
        group.MapPost("/instances/{instanceId}/rewind", RewindAsync).WithName("RewindInstance")
            .WithSummary("Remet en cours une instance en échec, dans l'état d'avant l'échec ; le motif (reason) est obligatoire.").ProducesProblem(404).ProducesProblem(409).ProducesProblem(410);
        group.MapPost("/instances/{instanceId}/retry", RetryAsync).WithName("RetryInstance")
            .WithSummary("Remet en cours une instance en échec et rejoue l'événement qui a échoué ; le motif (reason) est obligatoire.").ProducesProblem(404).ProducesProblem(409).ProducesProblem(410);
        group.MapPost("/instances/{instanceId}/suspend", SuspendAsync).WithName("SuspendInstance")
            .WithSummary("Suspend une instance : ses événements attendent jusqu'à la reprise.").ProducesProblem(404).ProducesProblem(409).ProducesProblem(410);
        group.MapPost("/instances/{instanceId}/resume", ResumeAsync).WithName("ResumeInstance")
            .WithSummary("Reprend une instance suspendue.").ProducesProblem(404).ProducesProblem(410);
        group.MapDelete("/instances/{instanceId}", PurgeAsync).WithName("PurgeInstance")
            .WithSummary("Supprime une instance terminée et son historique.").ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Results<Accepted<RaisedEventResponse>, ProblemHttpResult, ValidationProblem>> RaiseEventAsync(
        string instanceId,
        string name,
        [FromBody] JsonElement? payload,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            return InstanceProblems.Invalid(IdempotencyKeyHeader, $"L'en-tête {IdempotencyKeyHeader} doit compter de 1 à {MaxIdempotencyKeyLength} caractères imprimables.");
        }

        var status = await runtime.GetStatusAsync(instanceId, cancellationToken: cancellationToken);
        if (status is null)
        {
            return InstanceProblems.NotFound(instanceId);
        }

        if (BusinessWorkflows.RoutesOf(status.WorkflowType) is { } routes)
        {
            GuichetTelemetry.CountOperation("raise", "BusinessWorkflow");
            return InstanceProblems.BusinessEvent(instanceId, status.WorkflowType, routes);
        }

        var eventId = CallerEventIds.For(http, idempotencyKey);
        if (payload is { ValueKind: JsonValueKind.Undefined })
        {
            payload = null; // an empty body: an event without payload
        }

        RaiseOutcome outcome;
        try
        {
            outcome = await runtime.RaiseEventAsync(instanceId, name, payload, eventId, http.ToRequestContext(), cancellationToken);
        }
        catch (PayloadTooLargeException ex)
        {
            return InstanceProblems.TooLarge(ex);
        }

        GuichetTelemetry.CountOperation("raise", outcome.Result.ToString());
        return outcome.Result switch
        {
            RaiseResult.NotFound => InstanceProblems.NotFound(instanceId),
            _ when RaisedEvents.OnFailedInstance(outcome) => InstanceProblems.Failed(instanceId),
            RaiseResult.Finished => InstanceProblems.Finished(instanceId, outcome.Status),
            RaiseResult.Invalid => InstanceProblems.InvalidEvent(outcome.Reason ?? name),
            RaiseResult.Rejected => InstanceProblems.Rejected(outcome.Reason),
            // A buffered event may still be refused: its Location says what became of it.
            _ => TypedResults.Accepted(
                outcome.Result == RaiseResult.Buffered ? EventOutcomeUri(http.Request, instanceId, eventId) : InstanceStatusResponse.StatusUri(http.Request, instanceId),
                new RaisedEventResponse(eventId, outcome.Result, InstanceStatusResponse.From(outcome.Status!, http.Request))),
        };
    }

    private static Task<Results<Accepted<InstanceStatusResponse>, ProblemHttpResult, ValidationProblem>> TerminateAsync(
        string instanceId, [FromQuery] string? reason, [FromBody] ControlRequest? body, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken) =>
        RequiredReasonAsync("terminate", instanceId, reason ?? body?.Reason, http, (r, c) => runtime.TerminateAsync(instanceId, r!, c, cancellationToken));

    private static Task<Results<Accepted<InstanceStatusResponse>, ProblemHttpResult, ValidationProblem>> RewindAsync(
        string instanceId, [FromQuery] string? reason, [FromBody] ControlRequest? body, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken) =>
        RequiredReasonAsync("rewind", instanceId, reason ?? body?.Reason, http, (r, c) => runtime.RewindAsync(instanceId, r!, c, cancellationToken));

    private static Task<Results<Accepted<InstanceStatusResponse>, ProblemHttpResult, ValidationProblem>> RetryAsync(
        string instanceId, [FromQuery] string? reason, [FromBody] ControlRequest? body, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken) =>
        RequiredReasonAsync("retry", instanceId, reason ?? body?.Reason, http, (r, c) => runtime.RetryAsync(instanceId, r!, c, cancellationToken));

    private static async Task<Results<Accepted<InstanceStatusResponse>, ProblemHttpResult, ValidationProblem>> RequiredReasonAsync(
        string operation, string instanceId, string? reason, HttpContext http, Func<string?, RequestContext, Task<ControlOutcome>> act) =>
        string.IsNullOrWhiteSpace(reason)
            ? InstanceProblems.Invalid("reason", $"Le motif (reason) est obligatoire pour l'action « {operation} ».")
            : await ControlAsync(operation, instanceId, reason, http, act);

    private static Task<Results<Accepted<InstanceStatusResponse>, ProblemHttpResult, ValidationProblem>> SuspendAsync(
        string instanceId, [FromQuery] string? reason, [FromBody] ControlRequest? body, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken) =>
        ControlAsync("suspend", instanceId, reason ?? body?.Reason, http, (r, c) => runtime.SuspendAsync(instanceId, r, c, cancellationToken));

    private static Task<Results<Accepted<InstanceStatusResponse>, ProblemHttpResult, ValidationProblem>> ResumeAsync(
        string instanceId, [FromQuery] string? reason, [FromBody] ControlRequest? body, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken) =>
        ControlAsync("resume", instanceId, reason ?? body?.Reason, http, (r, c) => runtime.ResumeAsync(instanceId, r, c, cancellationToken));

    private static async Task<Results<Ok<PurgeResponse>, ProblemHttpResult>> PurgeAsync(
        string instanceId, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var outcome = await runtime.PurgeAsync(instanceId, cancellationToken);
        GuichetTelemetry.CountOperation("purge", outcome.Result.ToString());
        return outcome.Result switch
        {
            ControlResult.Done => TypedResults.Ok(new PurgeResponse(1)),
            ControlResult.NotFound => InstanceProblems.NotFound(instanceId),
            _ => InstanceProblems.Conflict($"L'instance « {instanceId} » est encore active ({outcome.Status?.RuntimeStatus}) : terminez-la avant de la purger."),
        };
    }

    private static async Task<Results<Accepted<InstanceStatusResponse>, ProblemHttpResult, ValidationProblem>> ControlAsync(
        string operation, string instanceId, string? reason, HttpContext http, Func<string?, RequestContext, Task<ControlOutcome>> act)
    {
        if (reason?.Length > MaxReasonLength)
        {
            return InstanceProblems.Invalid("reason", $"Le motif ne peut dépasser {MaxReasonLength} caractères.");
        }

        var outcome = await act(string.IsNullOrWhiteSpace(reason) ? null : reason, http.ToRequestContext());
        GuichetTelemetry.CountOperation(operation, outcome.Result.ToString());
        return outcome.Result switch
        {
            ControlResult.Done => TypedResults.Accepted(InstanceStatusResponse.StatusUri(http.Request, instanceId), InstanceStatusResponse.From(outcome.Status!, http.Request)),
            ControlResult.NotFound => InstanceProblems.NotFound(instanceId),
            ControlResult.Finished => InstanceProblems.Finished(instanceId, outcome.Status),
            _ => InstanceProblems.Conflict($"L'action « {operation} » ne s'applique pas à l'instance « {instanceId} » dans l'état {outcome.Status?.RuntimeStatus}."),
        };
    }
}
