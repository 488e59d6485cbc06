using Guichet.Deciders;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Dossiers;

// Merges of the same person's requests and dossiers (invariant 1). A dossier that merges into another hands its
// requests over and ends only once the survivor has them: an ended dossier is history and takes none, so a merge into
// it is refused, and the sender, told by the runtime, goes on with its requests. Nothing is lost in between.
public sealed partial class DossierDecider
{
    /// <summary>
    /// Another request for the same person and device joins the dossier (or replaces the one it holds under the
    /// same key): the earliest request date is kept, and every prescriber the dossier holds a request of is told,
    /// the newcomer and the others alike (invariant 1).
    /// </summary>
    private static Decision<Dossier> MergeRequest(Dossier dossier, RequestMerged merged, DateTimeOffset now)
    {
        if (merged.FromDossierId == dossier.Id)
        {
            return Decision.Reject("Un dossier ne se fusionne pas avec lui-même.");
        }

        var joined = Joining(dossier, [merged.Request], merged.FromDossierId);
        if (joined.IsRejected)
        {
            return joined;
        }

        return Decision.Accept(joined.State!, DossierOutcome.Tell(joined.State!, JoinedReason(dossier, merged.Reason), now));
    }

    /// <summary>
    /// Another dossier of the same person hands all its requests over: they join together (the earliest request date
    /// is kept, every prescriber told), the further of the two dossiers' progress is kept (<see cref="DossierProgress"/>),
    /// and the sender hears it may end as merged.
    /// </summary>
    private static Decision<Dossier> JoinDossier(Dossier dossier, DossierMerged merged, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(merged.FromDossierId) || merged.FromDossierId == dossier.Id || merged.Requests is not { Count: > 0 })
        {
            return Decision.Reject("Une fusion vient d'un autre dossier, nommé, avec ses demandes.");
        }

        var joined = Joining(dossier, merged.Requests, merged.FromDossierId);
        if (joined.IsRejected)
        {
            return joined;
        }

        var survivor = TakingFurtherProgress(joined.State!, merged.Progress);
        return Decision.Accept(
            survivor,
            [new SendEvent(merged.FromDossierId, DossierEventNames.MergeAccepted, new MergeAccepted(dossier.Id)), .. DossierOutcome.Tell(survivor, JoinedReason(dossier, merged.Reason), now)]);
    }

    /// <summary>The survivor with the progress handed over, when it goes further than its own; as it was otherwise.</summary>
    private static Dossier TakingFurtherProgress(Dossier survivor, DossierProgress? handed) =>
        handed is not null && handed.Stage > DossierProgress.Of(survivor).Stage
            ? survivor with { Medical = handed.Medical, Social = handed.Social, ReadingsCompletedAt = handed.ReadingsCompletedAt, Commission = handed.Commission }
            : survivor;

    /// <summary>
    /// What each prescriber is told of a merge. Every prescriber of the dossier reads it, so it names no
    /// organisation and no request reference: one prescriber must not learn another's (DESIGN §7).
    /// </summary>
    private static string JoinedReason(Dossier dossier, string? why) =>
        $"Même personne : la demande est rattachée à une autre demande pour la même personne, dans le dossier {dossier.Id}, qui garde la date de demande la plus ancienne. {why}".TrimEnd();

    /// <summary>
    /// The dossier is the same person's as another: it hands all its requests over to the survivor, and ends as merged
    /// when the survivor accepts them (<see cref="EndAsMerged"/>); until then it holds them, so that a refusal loses nothing.
    /// </summary>
    private static Decision<Dossier> HandOver(Dossier dossier, string survivor, string why, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(survivor) || survivor == dossier.Id)
        {
            return Decision.Reject("Un dossier se fusionne dans un autre dossier, nommé par son identifiant.");
        }

        if (string.IsNullOrWhiteSpace(why))
        {
            return Decision.Reject("Une fusion dit pourquoi les deux dossiers sont ceux de la même personne.");
        }

        // An admission may still land on an open candidacy (overdue ones included): merged meanwhile, the person would
        // end admitted here and waiting in the survivor (invariants 1 and 3).
        if (dossier.Candidacies.Count > 0)
        {
            return Decision.Reject(
                $"Le dossier {dossier.Id} a une candidature en cours ({dossier.Candidacies[0].StructureName}) : il ne peut être fusionné qu'une fois la réponse de la structure connue.");
        }

        var reason = $"Même personne : dossier fusionné dans le dossier {survivor}. {why.Trim()}";
        return Decision.Accept(
            dossier with { MergingInto = new PendingMerge(survivor, reason, now) },
            new SendEvent(survivor, DossierEventNames.DossierMerged, new DossierMerged(dossier.Id, dossier.Requests, why.Trim(), DossierProgress.Of(dossier))));
    }

    /// <summary>The survivor holds the requests handed over: the dossier ends as merged into it.</summary>
    private static Decision<Dossier> EndAsMerged(Dossier dossier, MergeAccepted accepted, DateTimeOffset now) =>
        dossier.MergingInto is { } merge && merge.DossierId == accepted.DossierId
            ? dossier with { MergingInto = null, End = new DossierEnd(DossierStatus.Merged, now, merge.Reason, merge.DossierId) }
            : Decision.Reject($"Aucune fusion de ce dossier dans le dossier {accepted.DossierId} n'est en cours.");

    /// <summary>
    /// The survivor did not take the requests handed over (it has ended, is unknown, or refused): the dossier stays
    /// open with them, the match is no longer a possible duplicate, and its prescribers are told.
    /// </summary>
    private static Decision<Dossier> MergeRefused(Dossier dossier, EventNotDelivered failure, DateTimeOffset now)
    {
        if (failure.SentEventName != DossierEventNames.DossierMerged || dossier.MergingInto?.DossierId != failure.TargetInstanceId)
        {
            return Decision.Reject($"L'événement « {failure.SentEventName} » non remis au dossier {failure.TargetInstanceId} ne défait rien ici : ce dossier n'a pas de fusion en cours vers lui.");
        }

        var reopened = dossier with
        {
            MergingInto = null,
            PossibleDuplicates = [.. dossier.PossibleDuplicates.Where(p => p.DossierId != failure.TargetInstanceId)],
        };
        var reason = $"Fusion dans le dossier {failure.TargetInstanceId} impossible : ce dossier est clos ou l'a refusée. Le dossier {dossier.Id} reste ouvert avec sa demande.";
        return Decision.Accept(reopened, DossierOutcome.Tell(reopened, reason, now));
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
            ? HandOver(dossier, review.OtherDossierId, review.Reason, now)
            : dossier with
            {
                PossibleDuplicates = [.. dossier.PossibleDuplicates.Where(p => p.DossierId != review.OtherDossierId)],
                KeptApart = [.. dossier.KeptApart, review.OtherDossierId],
            };
    }

    /// <summary>
    /// Possible matches found after an update of a request join those waiting for a person's review; one already listed,
    /// one a person already kept apart, or the dossier itself, is not listed again, so the same finding changes nothing.
    /// </summary>
    private static Decision<Dossier> ListPossibleDuplicates(Dossier dossier, PossibleDuplicatesFound found)
    {
        if (found.Duplicates is null || found.Duplicates.Any(d => string.IsNullOrWhiteSpace(d?.DossierId) || d.Reasons is not { Count: > 0 }))
        {
            return Decision.Reject("Un doublon possible nomme l'autre dossier et les raisons du rapprochement.");
        }

        var added = found.Duplicates
            .Where(d => d.DossierId != dossier.Id && dossier.PossibleDuplicates.All(p => p.DossierId != d.DossierId) && !dossier.KeptApart.Contains(d.DossierId))
            .DistinctBy(d => d.DossierId, StringComparer.Ordinal)
            .ToArray();
        return added.Length == 0 ? dossier : dossier with { PossibleDuplicates = [.. dossier.PossibleDuplicates, .. added] };
    }

    /// <summary>The dossier with <paramref name="requests"/> joined (each replacing the one held under its key), or why not.</summary>
    private static Decision<Dossier> Joining(Dossier dossier, IReadOnlyList<DossierRequest> requests, string? fromDossierId)
    {
        if (requests.FirstOrDefault(r => r.Device != dossier.Device) is { } other)
        {
            return Decision.Reject($"Seule une demande du même dispositif se rattache à ce dossier ({WireName.Of(dossier.Device)}), pas une demande {WireName.Of(other.Device)}.");
        }

        var held = dossier.Requests.ToList();
        foreach (var request in requests)
        {
            var index = held.FindIndex(r => r.Key == request.Key);
            if (index < 0)
            {
                held.Add(request);
            }
            else
            {
                held[index] = Replacing(held[index], request);
            }
        }

        return WithRequests(dossier, held) with
        {
            PossibleDuplicates = [.. dossier.PossibleDuplicates.Where(p => p.DossierId != fromDossierId)],
        };
    }
}
