using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Placement;

/// <summary>
/// The skipped record of a vacancy, so that a commission or the ARS can check the matching: each proposal with the
/// grid version and why the dossiers ranked above the candidates were skipped. A care-need reason is collapsed into
/// one generic reason unless the token also carries <c>reader.medical</c> (<see cref="ProposalView"/>).
/// </summary>
public static partial class CandidaciesApi
{
    private static void MapProposals(RouteGroupBuilder group) =>
        group.MapGet("/vacancies/{vacancyId}/proposals", GetProposalsAsync).WithName("GetVacancyProposals").RequireAuthorization(Policies.CommissionOrAdministration)
            .WithSummary("Les propositions du rapprochement pour une place, pour la commission ou l'ARS : version de grille, candidats, dossiers mieux classés écartés et pourquoi ; " +
                "un motif lié à un besoin de soins n'est détaillé qu'aux lecteurs médicaux (sinon « besoin de soins non couvert par la place »).")
            .ProducesProblem(404);

    private static async Task<Results<Ok<List<ProposalView>>, ProblemHttpResult>> GetProposalsAsync(
        string vacancyId, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        if (await VacancyMatcher.LoadAsync(runtime, vacancyId, cancellationToken) is not { } vacancy)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucune place « {vacancyId} ».");
        }

        var medical = http.User.IsInRole(Roles.MedicalReader);
        return TypedResults.Ok(vacancy.Proposals.Select(p => ProposalView.Of(p, medical)).ToList());
    }
}
