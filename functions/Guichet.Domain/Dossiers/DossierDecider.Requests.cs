using Guichet.Deciders;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Dossiers;

// The requests a dossier holds: updates, merges of the same person's requests (invariant 1), withdrawal.
public sealed partial class DossierDecider
{
    /// <summary>
    /// A later message for a request the dossier holds replaces its content. It never makes the request younger:
    /// its date stays the earlier of the two, so that seniority is not lost by an update.
    /// </summary>
    private static Decision<Dossier> UpdateRequest(Dossier dossier, DossierRequest request)
    {
        var index = IndexOf(dossier, request.Key);
        if (index < 0)
        {
            return Decision.Reject($"Ce dossier ne contient pas la demande {request.ExternalRef} de {request.Prescriber.Id}.");
        }

        if (request.Device != dossier.Device)
        {
            return Decision.Reject($"Une demande ne change pas de dispositif : ce dossier est pour {WireName.Of(dossier.Device)} ; déposez une nouvelle demande pour {WireName.Of(request.Device)}.");
        }

        return WithRequests(dossier, dossier.Requests.Select((r, i) => i == index ? Replacing(r, request) : r));
    }

    /// <summary>
    /// Another request for the same person and device joins the dossier (or replaces the one it holds under the
    /// same key): the earliest request date is kept, and every prescriber the dossier holds a request of is told,
    /// the newcomer and the others alike (invariant 1).
    /// </summary>
    private static Decision<Dossier> MergeRequest(Dossier dossier, RequestMerged merged, DateTimeOffset now)
    {
        var request = merged.Request;
        if (merged.FromDossierId == dossier.Id)
        {
            return Decision.Reject("Un dossier ne se fusionne pas avec lui-même.");
        }

        if (request.Device != dossier.Device)
        {
            return Decision.Reject($"Seule une demande du même dispositif se rattache à ce dossier ({WireName.Of(dossier.Device)}), pas une demande {WireName.Of(request.Device)}.");
        }

        var index = IndexOf(dossier, request.Key);
        var requests = index < 0
            ? [.. dossier.Requests, request]
            : dossier.Requests.Select((r, i) => i == index ? Replacing(r, request) : r).ToArray();
        var joined = WithRequests(dossier, requests) with
        {
            PossibleDuplicates = [.. dossier.PossibleDuplicates.Where(p => p.DossierId != merged.FromDossierId)],
        };
        var from = merged.FromDossierId is { } other ? $", venue du dossier {other}" : "";
        var reason = $"Même personne : la demande {request.ExternalRef} de {request.Prescriber.Name}{from} est rattachée au dossier {dossier.Id}, qui garde la date de demande la plus ancienne. {merged.Reason}".TrimEnd();
        return Decision.Accept(joined, DossierOutcome.Tell(joined, reason, now));
    }

    /// <summary>
    /// The dossier is the same person's as an older one: it ends as merged, and hands each of its requests over to
    /// the survivor, which keeps the earliest request date and tells every prescriber.
    /// </summary>
    private static Decision<Dossier> EndAsMerged(Dossier dossier, string survivor, string why, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(survivor) || survivor == dossier.Id)
        {
            return Decision.Reject("Un dossier se fusionne dans un autre dossier, nommé par son identifiant.");
        }

        if (string.IsNullOrWhiteSpace(why))
        {
            return Decision.Reject("Une fusion dit pourquoi les deux dossiers sont ceux de la même personne.");
        }

        var reason = $"Même personne : dossier fusionné dans le dossier {survivor}. {why.Trim()}";
        var merged = dossier with { End = new DossierEnd(DossierStatus.Merged, now, reason, survivor) };
        return Decision.Accept(
            merged,
            [.. dossier.Requests.Select(r => new SendEvent(survivor, DossierEventNames.RequestMerged, new RequestMerged(r, dossier.Id, why.Trim())))]);
    }

    /// <summary>A person decided on a possible match: merge into the other dossier, or keep them apart (the match is dropped).</summary>
    private static Decision<Dossier> ReviewDuplicate(Dossier dossier, DuplicateReviewed review, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(review.Reason))
        {
            return Decision.Reject("L'examen d'un doublon possible doit être motivé.");
        }

        if (!dossier.PossibleDuplicates.Any(p => p.DossierId == review.OtherDossierId))
        {
            return Decision.Reject($"Le dossier {review.OtherDossierId} n'est pas un doublon possible à examiner pour ce dossier.");
        }

        return review.Merge
            ? EndAsMerged(dossier, review.OtherDossierId, review.Reason, now)
            : dossier with { PossibleDuplicates = [.. dossier.PossibleDuplicates.Where(p => p.DossierId != review.OtherDossierId)] };
    }

    /// <summary>The prescriber withdraws the request, at any stage before an end, saying why.</summary>
    private static Decision<Dossier> Withdraw(Dossier dossier, string why, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(why)
            ? Decision.Reject("Un retrait doit être motivé.")
            : dossier with { End = new DossierEnd(DossierStatus.Withdrawn, now, $"Demande retirée par le prescripteur : {why.Trim()}", null) };

    private static int IndexOf(Dossier dossier, IntakeKey key) =>
        dossier.Requests.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Key == key, (null!, -1)).Item2;

    /// <summary>The new content of a request under its key, dated from the earlier of the two submissions.</summary>
    private static DossierRequest Replacing(DossierRequest held, DossierRequest sent) =>
        sent with { SubmittedAt = held.SubmittedAt < sent.SubmittedAt ? held.SubmittedAt : sent.SubmittedAt };

    /// <summary>The dossier with these requests, its first request date their earliest (invariant 1).</summary>
    private static Dossier WithRequests(Dossier dossier, IEnumerable<DossierRequest> requests)
    {
        var list = requests.ToArray();
        return dossier with { Requests = list, FirstRequestAt = list.Min(r => r.SubmittedAt) };
    }
}
