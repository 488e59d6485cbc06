using Guichet.Host.Security;
using Guichet.Host.Structures;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Placement;

// Overdue candidacies counted over a period (invariant 5), without a person in it: the figure the observatory will
// publish, masked under 11 (DESIGN §7); until it does, for ARS administrators only, since a raw count over free bounds
// isolates a single candidacy.
public static partial class CandidaciesApi
{
    private static void MapOverdueCount(RouteGroupBuilder group) =>
        group.MapGet("/candidacies/overdue/count", CountOverdueAsync).WithName("CountOverdueCandidacies").RequireAuthorization(Policies.Administration)
            .WithSummary("Le nombre de candidatures passées en retard (sans réponse à l'échéance) sur une période : from (inclus) et to (exclu) bornent la date du retard, " +
                "quelle que soit la suite (réponse tardive comprise). Un compte, sans personne.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<OverdueCount>, ValidationProblem>> CountOverdueAsync(string? from, string? to, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (period, problem) = CheckPeriod(from, to);
        return period is { } p
            ? TypedResults.Ok(new OverdueCount(p.From, p.To, await OverdueCandidacies.CountAsync(runtime, p.From, p.To, cancellationToken)))
            : problem!;
    }

    /// <summary>The period of the overdue list or count: optional bounds, each an ISO 8601 instant or day, from before to.</summary>
    private static ((DateTimeOffset? From, DateTimeOffset? To)? Period, ValidationProblem? Problem) CheckPeriod(string? from, string? to)
    {
        const string Format = "attendu : une date ISO 8601 (2026-12-01 ou 2026-12-01T09:00:00Z).";
        DateTimeOffset? start = null, end = null;
        if (from is not null && (start = OverdueCandidacies.Parse(from)) is null)
        {
            return (null, StructureProblems.Invalid("from", $"Début de période illisible « {from} » : {Format}"));
        }

        if (to is not null && (end = OverdueCandidacies.Parse(to)) is null)
        {
            return (null, StructureProblems.Invalid("to", $"Fin de période illisible « {to} » : {Format}"));
        }

        return start >= end
            ? (null, StructureProblems.Invalid("to", "La fin de la période (to, exclue) suit son début (from)."))
            : ((start, end), null);
    }
}

/// <summary>How many candidacies went overdue over a period.</summary>
/// <param name="From">The period's start (included), if bounded.</param>
/// <param name="To">The period's end (excluded), if bounded.</param>
/// <param name="Count">How many candidacies went overdue in it, whatever became of them since.</param>
public sealed record OverdueCount(DateTimeOffset? From, DateTimeOffset? To, int Count);
