using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Dossiers;

// The requests a dossier holds: updates, withdrawal by their prescribers (merges are in DossierDecider.Merges).
public sealed partial class DossierDecider
{
    /// <summary>
    /// A later message for a request the dossier holds replaces its content but keeps the request's original date:
    /// an update neither loses seniority nor gains any, since the date it carries is the prescriber's to choose.
    /// </summary>
    private static Decision<Dossier> UpdateRequest(Dossier dossier, DossierRequest request)
    {
        var index = IndexOf(dossier, request.Key);
        if (index < 0)
        {
            return dossier.Withdrawals.Any(w => w.Request.Key == request.Key)
                ? Decision.Reject($"La demande {request.ExternalRef} a été retirée de ce dossier : elle ne peut plus être modifiée. Une nouvelle demande porte une nouvelle référence (externalRef).")
                : Decision.Reject($"Ce dossier ne contient pas la demande {request.ExternalRef} de {request.Prescriber.Id}.");
        }

        if (request.Device != dossier.Device)
        {
            return Decision.Reject($"Une demande ne change pas de dispositif : ce dossier est pour {WireName.Of(dossier.Device)} ; déposez une nouvelle demande pour {WireName.Of(request.Device)}.");
        }

        return WithRequests(dossier, dossier.Requests.Select((r, i) => i == index ? request with { SubmittedAt = r.SubmittedAt } : r));
    }

    /// <summary>
    /// A prescriber withdraws its requests, saying why: the dossier goes on for the other prescribers' requests and
    /// ends as withdrawn only with its last request. Without a prescriber (the ARS, for the guichet) the whole
    /// dossier is withdrawn. Each prescriber concerned is told.
    /// </summary>
    private static Decision<Dossier> Withdraw(Dossier dossier, Withdrawn withdrawn, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(withdrawn.Reason))
        {
            return Decision.Reject("Un retrait doit être motivé.");
        }

        var why = withdrawn.Reason.Trim();
        if (withdrawn.PrescriberId is not { } prescriberId)
        {
            return dossier with { End = new DossierEnd(DossierStatus.Withdrawn, now, $"Dossier retiré par le guichet unique : {why}", null) };
        }

        var reason = $"Demande retirée par le prescripteur : {why}";
        var mine = dossier.Requests.Where(r => r.Prescriber.Id == prescriberId).ToArray();
        if (mine.Length == 0)
        {
            return Decision.Reject($"Ce dossier ne contient aucune demande du prescripteur {prescriberId} : seules ses propres demandes se retirent.");
        }

        if (mine.Length == dossier.Requests.Count)
        {
            return dossier with { End = new DossierEnd(DossierStatus.Withdrawn, now, reason, null) };
        }

        // Seniority counts from the earliest request that still stands: a withdrawn request no longer lends its date
        // (the seed's "ancienneté de la demande" is that of a request, and this one is gone).
        var remaining = WithRequests(dossier, dossier.Requests.Where(r => r.Prescriber.Id != prescriberId)) with
        {
            Withdrawals = [.. dossier.Withdrawals, .. mine.Select(r => new WithdrawnRequest(r, now, reason))],
        };
        var told = mine.Select(r => new SendMessage(DossierStatusChanged.Queue, new DossierStatusChanged(dossier.Id, r.ExternalRef, r.Prescriber.Id, WireName.Of(DossierStatus.Withdrawn), now, reason)));
        var others = string.Create(CultureInfo.InvariantCulture,
            $"Une autre demande pour la même personne est retirée ; le dossier {dossier.Id} continue pour votre demande, date de demande retenue : {remaining.FirstRequestAt:dd/MM/yyyy}.");
        return Decision.Accept(remaining, [.. told, .. DossierOutcome.Tell(remaining, others, now)]);
    }

    private static int IndexOf(Dossier dossier, IntakeKey key) =>
        dossier.Requests.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Key == key, (null!, -1)).Item2;

    /// <summary>
    /// The content of a request merged under the key of one held, dated from the earlier of the two holdings: both
    /// are the same request as two dossiers knew it. An update (<see cref="UpdateRequest"/>) keeps the held date.
    /// </summary>
    private static DossierRequest Replacing(DossierRequest held, DossierRequest sent) =>
        sent with { SubmittedAt = held.SubmittedAt < sent.SubmittedAt ? held.SubmittedAt : sent.SubmittedAt };

    /// <summary>
    /// The dossier with these requests, its first request date their earliest (invariant 1); a request that joins
    /// again under the key of one withdrawn is held, no longer withdrawn.
    /// </summary>
    private static Dossier WithRequests(Dossier dossier, IEnumerable<DossierRequest> requests)
    {
        var list = requests.ToArray();
        return dossier with
        {
            Requests = list,
            FirstRequestAt = list.Min(r => r.SubmittedAt),
            Withdrawals = [.. dossier.Withdrawals.Where(w => !list.Any(r => r.Key == w.Request.Key))],
        };
    }
}
