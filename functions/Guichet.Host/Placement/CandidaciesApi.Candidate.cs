using Guichet.Domain;
using Guichet.Host.Dossiers;
using Guichet.Host.Observability;
using Guichet.Host.Security;
using Guichet.Host.Structures;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Placement;

/// <summary>
/// The candidate of a candidacy, for the structure it is proposed to (or an ARS administrator): so that the structure
/// knows whom it answers. Readable while the vacancy holds the candidacy, whatever its status (pending, overdue, or
/// answered and ended: a refusal may be contested and reviewed later). Audited as a dossier read.
/// </summary>
public static partial class CandidaciesApi
{
    /// <summary>What the audit line of a candidate refused to another structure says was disclosed.</summary>
    private const string NotTheStructures = "nothing (not a candidacy of the structure)";

    private static void MapCandidate(RouteGroupBuilder group) =>
        group.MapGet("/candidacies/{candidacyId}/candidate", GetCandidateAsync).WithName("GetCandidacyCandidate").RequireAuthorization(Policies.StructuresOrAdministration)
            .WithSummary("La personne proposée par une candidature, pour la structure à qui elle est proposée (ou l'ARS) : identité, ménage, situation sociale, souhaits, lecture sociale ; " +
                "la partie médicale (section médicale des demandes, lecture médicale) seulement si le jeton porte aussi reader.medical. Toute lecture est tracée.")
            .ProducesProblem(403).ProducesProblem(404);

    private static async Task<Results<Ok<CandidateView>, ProblemHttpResult>> GetCandidateAsync(
        string candidacyId, WorkflowRuntime runtime, HttpContext http, CancellationToken cancellationToken)
    {
        // A proposal the dossier never took never reached the structure as a person to consider: nobody to show.
        if (await VacancyMatcher.LoadAsync(runtime, VacancyIdOf(candidacyId), cancellationToken) is not { } vacancy
            || vacancy.CandidacyById(candidacyId) is not { Outcome: not { NotDelivered: true } } candidacy)
        {
            return NoCandidacy(candidacyId);
        }

        var dossierId = candidacy.DossierId;

        if (!StructureAccess.CanActFor(http.User, vacancy.Place.StructureId))
        {
            AuditDisclosure.Record(http, dossierId, NotTheStructures, medicalShown: false);
            return StructureProblems.NotYours(vacancy.Place.StructureId);
        }

        if (await DossierLoader.LoadAsync(runtime, dossierId, cancellationToken) is not var (dossier, _))
        {
            return NoCandidacy(candidacyId);
        }

        var medical = http.User.IsInRole(Roles.MedicalReader);
        AuditDisclosure.Record(http, dossierId, "candidate", medical);
        return TypedResults.Ok(CandidateView.Of(candidacyId, WireName.Of(candidacy.Status), dossier, medical));
    }
}
