using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Placement;

namespace Guichet.Domain.Dossiers;

// Contested refusals (issue 9, outcomes): the dossier keeps the refusals it received, a prescriber of one of its
// requests or the guichet contests one with a reason, and the ARS upholds or overturns it with a reason. A refusal
// never moved the dossier's request date nor its place on the list (Back keeps its seniority), so an overturn
// annuls the refusal and tells the structure and the prescribers; there is no standing to restore.
public sealed partial class DossierDecider
{
    /// <summary>Keeps a structure's refusal with the dossier when its candidacy ends refused; any other end leaves nothing to contest.</summary>
    private static Dossier Keep(Dossier dossier, DossierCandidacy candidacy, CandidacyEnded ended, DateTimeOffset now) =>
        ended.Status != CandidacyStatus.Refused || dossier.Refusals.Any(r => r.CandidacyId == candidacy.CandidacyId)
            ? dossier
            : dossier with
            {
                Refusals = [.. dossier.Refusals, new DossierRefusal(candidacy.CandidacyId, candidacy.VacancyId, candidacy.StructureId, candidacy.StructureName,
                    ended.Code, ended.Justification, ended.RecommendedOrientation, candidacy.DueAt, now, ended.Late)],
            };

    /// <summary>
    /// A prescriber of one of the dossier's requests, or the guichet, contests a refusal with a reason: it goes to the ARS
    /// review list. A person who declined the place was not refused; a refusal is contested once; the same contest
    /// again changes nothing.
    /// </summary>
    private static Decision<Dossier> Contest(Dossier dossier, RefusalContested contested, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(contested.Reason))
        {
            return Decision.Reject("Une contestation de refus porte un motif.");
        }

        if (contested.PrescriberId is { } prescriber && dossier.Requests.All(r => r.Prescriber.Id != prescriber))
        {
            return Decision.Reject("Seul le prescripteur d'une demande du dossier, ou le guichet, conteste un refus reçu par ce dossier.");
        }

        if (RefusalOf(dossier, contested.CandidacyId) is not { } refusal)
        {
            return NoRefusal(contested.CandidacyId);
        }

        var reason = contested.Reason.Trim();
        return refusal switch
        {
            { Contest: { } contest } when contest.Reason == reason && contest.PrescriberId == contested.PrescriberId => dossier,
            { Contest: { } contest } => Decision.Reject(string.Create(CultureInfo.InvariantCulture,
                $"Ce refus a déjà été contesté le {contest.At:dd/MM/yyyy} ({Describe(refusal.ContestStatus!.Value)}) : un refus n'est contesté qu'une fois.")),
            { Code: RefusalCode.PersonDeclined } => Decision.Reject("La personne a décliné la place : ce n'est pas un refus de la structure, il n'y a rien à contester."),
            _ => Replace(dossier, refusal with { Contest = new RefusalContest(reason, contested.PrescriberId, now, null) }),
        };
    }

    /// <summary>
    /// The ARS reviews a contested refusal, with a reason. Upheld: only the record changes, and the prescribers hear it.
    /// Overturned: the refusal is annulled (it no longer counts as one), the dossier keeps its place with its seniority,
    /// the structure hears it on <c>placement-alerts</c> and the prescribers on <c>dossier-events</c>. The same review
    /// again changes nothing; a different one is refused.
    /// </summary>
    private static Decision<Dossier> Review(Dossier dossier, RefusalReviewed reviewed, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reviewed.Reason))
        {
            return Decision.Reject("L'examen d'une contestation porte un motif.");
        }

        if (!Enum.IsDefined(reviewed.Verdict))
        {
            return Decision.Reject("L'examen d'une contestation maintient le refus (uphold) ou l'annule (overturn).");
        }

        if (RefusalOf(dossier, reviewed.CandidacyId) is not { } refusal)
        {
            return NoRefusal(reviewed.CandidacyId);
        }

        var reason = reviewed.Reason.Trim();
        return refusal.Contest switch
        {
            null => Decision.Reject("Ce refus n'est pas contesté : il n'y a rien à examiner."),
            { Review: { } done } when done.Verdict == reviewed.Verdict && done.Reason == reason => dossier,
            { Review: { } done } => Decision.Reject(string.Create(CultureInfo.InvariantCulture,
                $"Cette contestation a déjà été examinée le {done.At:dd/MM/yyyy} ({Describe(refusal.ContestStatus!.Value)}) : l'examen est définitif.")),
            { } contest => Reviewed(dossier, refusal with { Contest = contest with { Review = new RefusalReview(reviewed.Verdict, reason, now) } }, now),
        };
    }

    private static Decision<Dossier> Reviewed(Dossier dossier, DossierRefusal refusal, DateTimeOffset now)
    {
        var after = Replace(dossier, refusal);
        var review = refusal.Contest!.Review!;
        if (review.Verdict == ContestVerdict.Uphold)
        {
            return Decision.Accept(after, DossierOutcome.Tell(after, $"Contestation du refus de {refusal.StructureName} examinée par l'ARS : refus maintenu ({review.Reason}).", now));
        }

        var text = $"L'ARS a annulé le refus de la candidature {refusal.CandidacyId} ({review.Reason}) : ce refus ne compte plus comme un refus de la structure.";
        var alert = new SendMessage(PlacementAlert.Queue, new PlacementAlert(
            PlacementAlert.RefusalOverturned, PlacementAlert.Structure, refusal.StructureId, refusal.VacancyId, refusal.CandidacyId, dossier.Id, refusal.DueAt, text));
        var told = DossierOutcome.Tell(after, $"Refus de {refusal.StructureName} annulé par l'ARS ({review.Reason}) : le dossier garde sa place en liste d'attente avec son ancienneté.", now);
        return Decision.Accept(after, [alert, .. told]);
    }

    private static DossierRefusal? RefusalOf(Dossier dossier, string? candidacyId) =>
        dossier.Refusals.FirstOrDefault(r => r.CandidacyId == candidacyId);

    private static Decision<Dossier> NoRefusal(string? candidacyId) =>
        Decision.Reject($"Ce dossier n'a reçu aucun refus pour la candidature « {candidacyId} ».");

    private static Dossier Replace(Dossier dossier, DossierRefusal changed) =>
        dossier with { Refusals = [.. dossier.Refusals.Select(r => r.CandidacyId == changed.CandidacyId ? changed : r)] };

    private static string Describe(ContestStatus status) => status switch
    {
        ContestStatus.Upheld => "refus maintenu",
        ContestStatus.Overturned => "refus annulé",
        ContestStatus.Lapsed => "sans objet",
        _ => "en attente d'examen par l'ARS",
    };
}
