using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Placement;

/// <summary>
/// The full record of one proposal's skipped dossiers (<c>…/vacancies/{vacancyId}/skipped/{recordKey}</c>): for each
/// dossier ranked above the candidates and passed over, its rank and why, in French. For ARS administrators only: the
/// dossiers are other people's; their care-need reasons are collapsed into one unless the reader is medical.
/// </summary>
public static class SkippedDossiersApi
{
    /// <summary>Maps the route into the vacancies' group.</summary>
    public static RouteGroupBuilder MapSkippedDossiers(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/structures/{structureId}/vacancies/{vacancyId}/skipped/{recordKey}", GetAsync).WithName("GetSkippedDossiers")
            .WithSummary("Les dossiers mieux classés écartés par une proposition (clé recordKey de son résumé), chacun avec son rang et pourquoi ; réservé aux administrateurs ARS.")
            .ProducesProblem(403).ProducesProblem(404);
        return group;
    }

    private static async Task<Results<Ok<List<SkippedView>>, ProblemHttpResult>> GetAsync(
        string structureId, string vacancyId, string recordKey, WorkflowRuntime runtime, SkippedDossiers skips, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.User.IsInRole(Roles.ArsAdmin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Les dossiers écartés sont ceux d'autres personnes : seuls les administrateurs ARS les consultent.");
        }

        var vacancy = await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken);
        if (vacancy?.Place.StructureId != structureId || !vacancy.Proposals.Any(p => p.Match.Summary?.RecordKey == recordKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune place « {vacancyId} » de la structure « {structureId} » n'a de proposition « {recordKey} ».");
        }

        // A care-need reason tells a named person's medical need: one generic reason unless the reader is medical.
        var medical = http.User.IsInRole(Roles.MedicalReader);
        return TypedResults.Ok((await skips.ReadAsync(vacancyId, recordKey, cancellationToken)).Select(s => SkippedView.Of(s, medical)).ToList());
    }
}
