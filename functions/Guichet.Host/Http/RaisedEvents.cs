using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Http;

/// <summary>
/// What the business routes that raise an event share: the 409 of a Failed instance (not ended for good, it waits
/// for an administrator's rewind or retry), and where what became of a buffered event is read, under the
/// resource's own route, so that its caller learns a later refusal.
/// </summary>
internal static class RaisedEvents
{
    /// <summary>The last segment of a resource's route that says what became of one of its events.</summary>
    public const string OutcomeSegment = "event-outcome";

    /// <summary>The longest event id asked for, as the instance API takes it.</summary>
    public const int MaxEventIdLength = 1024;

    /// <summary>Whether the event was refused because its instance is Failed, rather than ended for good.</summary>
    public static bool OnFailedInstance(RaiseOutcome outcome) =>
        outcome.Result == RaiseResult.Finished && outcome.Status?.RuntimeStatus == RuntimeStatus.Failed;

    /// <summary>An event on a Failed instance: 409, saying what puts it back to work; nothing changed.</summary>
    /// <param name="subject">The resource, as the sentence starts ("Le dossier « d-1 »").</param>
    /// <param name="instanceId">The instance behind it, for the administrator's rewind or retry.</param>
    public static ProblemHttpResult Failed(string subject, string instanceId) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            detail: $"{subject} est en échec : aucune action n'y est prise en compte tant qu'un administrateur ARS ne l'a pas remis en route " +
                $"(POST /api/instances/{instanceId}/rewind ou /retry) ; ses échéances attendent la reprise. Renvoyez la demande ensuite.");

    /// <summary>The <c>Location</c> of a buffered event: <paramref name="resourceUri"/>/event-outcome?eventId=….</summary>
    public static string OutcomeUri(string resourceUri, string eventId) =>
        $"{resourceUri}/{OutcomeSegment}?eventId={Uri.EscapeDataString(eventId)}";

    /// <summary>Checks the <c>eventId</c> asked for: 400 naming it when missing or too long.</summary>
    public static ValidationProblem? CheckEventId(string? eventId) =>
        string.IsNullOrWhiteSpace(eventId) || eventId.Length > MaxEventIdLength
            ? TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["eventId"] = [$"L'identifiant de l'événement (eventId) est obligatoire, de 1 à {MaxEventIdLength} caractères."] },
                detail: $"L'identifiant de l'événement (eventId) est obligatoire, de 1 à {MaxEventIdLength} caractères.")
            : null;

    /// <summary>
    /// What became of <paramref name="eventId"/> on <paramref name="instanceId"/>, once the route has checked the
    /// caller may see the resource; the reason is dropped when <paramref name="hideReason"/> (a dossier's, for a
    /// caller without a medical role).
    /// </summary>
    public static async Task<Results<Ok<EventOutcome>, ProblemHttpResult, ValidationProblem>> ReadAsync(
        WorkflowRuntime runtime, string instanceId, string? eventId, bool hideReason, CancellationToken cancellationToken)
    {
        if (CheckEventId(eventId) is { } invalid)
        {
            return invalid;
        }

        if (await runtime.GetEventOutcomeAsync(instanceId, eventId!, cancellationToken) is not { } outcome)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucun événement « {eventId} » reçu ici.");
        }

        return TypedResults.Ok(hideReason ? outcome with { Reason = null } : outcome);
    }
}
