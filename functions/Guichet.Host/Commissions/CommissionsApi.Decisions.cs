using System.Text.Json;
using Guichet.Domain.Commissions;
using Guichet.Host.Http;
using Guichet.Host.Instances;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Commissions;

// What the members do in a session: decide on a dossier of its agenda, close it. Both are events of the session's
// workflow: its decider says no with a reason (422), a closed session takes nothing more (409), nor a Failed one until
// an administrator puts it back to work (409). One buffered while the session is suspended answers 202 with the event's
// outcome as Location, since it may still be refused.
public static partial class CommissionsApi
{
    /// <summary>The header whose value, scoped by its caller, becomes a decision's de-duplication id.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxIdempotencyKeyLength = 200;

    private static async Task<Results<Ok<EventOutcome>, ProblemHttpResult, ValidationProblem>> GetEventOutcomeAsync(
        string sessionId, [FromQuery] string? eventId, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        !InstanceIds.IsValid(sessionId) ? CommissionProblems.Invalid("sessionId", $"« {sessionId} » n'est pas un identifiant de séance valide.")
        : await runtime.GetStatusAsync(sessionId, cancellationToken: cancellationToken) is not { WorkflowType: CommissionSessionDecider.TypeName } ? CommissionProblems.NotFound(sessionId)
        : await RaisedEvents.ReadAsync(runtime, sessionId, eventId, hideReason: false, cancellationToken);

    private static Task<Results<Ok<SessionResponse>, Accepted<SessionResponse>, ProblemHttpResult, ValidationProblem>> DecideAsync(
        string sessionId,
        [FromBody] JsonElement? decision,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        WorkflowRuntime runtime,
        HttpContext http,
        CancellationToken cancellationToken) =>
        RaiseAsync(sessionId, CommissionEventNames.DecisionRecorded, decision, idempotencyKey, runtime, http, cancellationToken);

    private static Task<Results<Ok<SessionResponse>, Accepted<SessionResponse>, ProblemHttpResult, ValidationProblem>> CloseAsync(
        string sessionId, [FromBody] CloseRequest? body, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken) =>
        RaiseAsync(sessionId, CommissionEventNames.SessionClosed, JsonSerializer.SerializeToElement(new SessionClosed(body?.Note), WorkflowJson.Options), null, runtime, http, cancellationToken);

    /// <summary>Raises an event on a session and answers with the session afterwards, or with why it was refused.</summary>
    private static async Task<Results<Ok<SessionResponse>, Accepted<SessionResponse>, ProblemHttpResult, ValidationProblem>> RaiseAsync(
        string sessionId, string eventName, JsonElement? payload, string? idempotencyKey, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (!InstanceIds.IsValid(sessionId))
        {
            return CommissionProblems.Invalid("sessionId", $"« {sessionId} » n'est pas un identifiant de séance valide.");
        }

        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            return CommissionProblems.Invalid(IdempotencyKeyHeader, $"L'en-tête {IdempotencyKeyHeader} doit compter de 1 à {MaxIdempotencyKeyLength} caractères imprimables.");
        }

        if (await runtime.GetStatusAsync(sessionId, cancellationToken: cancellationToken) is not { WorkflowType: CommissionSessionDecider.TypeName })
        {
            return CommissionProblems.NotFound(sessionId);
        }

        var eventId = CallerEventIds.For(http, idempotencyKey);
        RaiseOutcome outcome;
        try
        {
            var body = payload is { ValueKind: JsonValueKind.Undefined } ? null : payload;
            outcome = await runtime.RaiseEventAsync(sessionId, eventName, body, eventId, http.ToRequestContext(), cancellationToken);
        }
        catch (PayloadTooLargeException ex)
        {
            return CommissionProblems.TooLarge(ex);
        }

        if (RaisedEvents.OnFailedInstance(outcome))
        {
            return RaisedEvents.Failed($"La séance « {sessionId} »", sessionId);
        }

        switch (outcome.Result)
        {
            case RaiseResult.NotFound:
                return CommissionProblems.NotFound(sessionId);
            case RaiseResult.Finished:
                return CommissionProblems.Closed(sessionId);
            case RaiseResult.Invalid:
                return CommissionProblems.Invalid("body", $"La demande ne correspond pas au format attendu : {outcome.Reason}");
            case RaiseResult.Rejected:
                return CommissionProblems.Rejected(outcome.Reason);
            case RaiseResult.Failed:
                return CommissionProblems.Failed(sessionId, outcome.Status?.Error);
        }

        var session = await LoadAsync(runtime, sessionId, cancellationToken);
        return outcome.Result == RaiseResult.Buffered
            ? TypedResults.Accepted(RaisedEvents.OutcomeUri($"{Prefix}/{sessionId}", eventId), SessionResponse.From(session!))
            : TypedResults.Ok(SessionResponse.From(session!));
    }
}
