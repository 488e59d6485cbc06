using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Runtime.Queues;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.DeadLetters;

/// <summary>
/// The dead letters of the app's queue triggers (ARS administrators only): listed with their failure reason,
/// and replayed to their queue once the cause is fixed. Only the queues of registered triggers are reachable.
/// </summary>
public static class DeadLettersApi
{
    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dead-letters")
            .WithMetadata(new ApiTag("Dead letters", "Messages en échec des déclencheurs de file (administrateurs ARS) : consultés avec la raison de l'échec, puis remis dans leur file."))
            .RequireAuthorization(Policies.Administration);
        group.MapGet("/{queue}", ListAsync).WithName("ListDeadLetters")
            .WithSummary("Les premiers messages en échec d'une file (32 au plus), avec la raison de l'échec.").ProducesProblem(404);
        group.MapPost("/{queue}/replay", ReplayAsync).WithName("ReplayDeadLetters")
            .WithSummary("Remet dans leur file tous les messages en échec présents, corps d'origine intact.").ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Ok<List<DeadLetterResponse>>, ProblemHttpResult>> ListAsync(
        string queue, int? top, IEnumerable<QueueTriggerRegistration> triggers, Runtime.Queues.DeadLetters deadLetters, CancellationToken cancellationToken)
    {
        if (Unknown(queue, triggers) is { } problem)
        {
            return problem;
        }

        var peeked = await deadLetters.PeekAsync(queue, Math.Clamp(top ?? 32, 1, 32), cancellationToken);
        return TypedResults.Ok(peeked.Select(DeadLetterResponse.From).ToList());
    }

    private static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> ReplayAsync(
        string queue, IEnumerable<QueueTriggerRegistration> triggers, Runtime.Queues.DeadLetters deadLetters, CancellationToken cancellationToken)
    {
        if (Unknown(queue, triggers) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(new ReplayResponse(queue, await deadLetters.ReplayAllAsync(queue, cancellationToken)));
    }

    private static ProblemHttpResult? Unknown(string queue, IEnumerable<QueueTriggerRegistration> triggers) =>
        triggers.Any(t => t.Queue == queue)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucun déclencheur n'écoute la file « {queue} ».");
}

/// <summary>How many dead letters of a queue were put back on it.</summary>
public sealed record ReplayResponse(string Queue, int Replayed);
