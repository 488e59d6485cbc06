using System.Globalization;
using Guichet.Deciders;

namespace Guichet.Domain.Placement;

// The structure's answers (invariant 4), the admission that fills the place (invariant 3), and the other ends.
public sealed partial class VacancyDecider
{
    private const string NotARefusal = "ce n'est pas un refus : le dossier retourne en liste d'attente avec son rang et son ancienneté.";

    /// <summary>
    /// The structure answers a candidacy: a malformed answer is refused and changes nothing; an answer after the deadline
    /// is recorded, marked late; the same answer again changes nothing; another answer to a candidacy that ended is refused.
    /// </summary>
    private static Decision<Vacancy> Answer(Vacancy vacancy, CandidacyDecided decided, EventContext context)
    {
        if (vacancy.CandidacyOf(decided.DossierId) is not { } candidacy)
        {
            return Decision.Reject($"Aucune candidature du dossier {decided.DossierId} pour cette place.");
        }

        if (decided.CandidacyId is { } named && named != candidacy.Id)
        {
            return Decision.Reject($"La candidature {named} a déjà pris fin (retirée) : sa réponse ne change plus.");
        }

        if (CandidacyRules.Check(decided) is { } malformed)
        {
            return malformed;
        }

        var outcome = new CandidacyOutcome(
            CandidacyRules.StatusOf(decided.Decision),
            context.Now,
            context.Actor,
            decided.EntryDate,
            decided.Code,
            CandidacyRules.Justification(decided),
            decided.RecommendedOrientation,
            Late: context.Now >= candidacy.DueAt);
        if (candidacy.Outcome is { } previous)
        {
            return CandidacyRules.SameAnswer(previous, decided)
                ? vacancy
                : Decision.Reject($"La candidature {candidacy.Id} a déjà pris fin ({Describe(previous.Status)}) : sa réponse ne change plus.");
        }

        if (decided.EntryDate is { } entry && CandidacyRules.CheckEntry(entry, vacancy.Place, candidacy, context.Now) is { } outOfBounds)
        {
            return outOfBounds;
        }

        var answered = candidacy with { Outcome = outcome };
        return outcome.Status == CandidacyStatus.Admitted
            ? Fill(vacancy, answered, context.Now)
            : Decision.Accept(vacancy with { Candidacies = Replace(vacancy, answered) }, Tell(vacancy, answered));
    }

    /// <summary>
    /// One admission fills the place: every other open candidacy ends as "place filled by another candidate", which is
    /// not a refusal; their dossiers are told so (pending ones go back to the waiting list with their seniority, overdue
    /// ones stop waiting for a late answer).
    /// </summary>
    private static Decision<Vacancy> Fill(Vacancy vacancy, Candidacy admitted, DateTimeOffset now)
    {
        var filled = new CandidacyOutcome(CandidacyStatus.PlaceFilledByAnotherCandidate, now, null, null, null, $"Place pourvue par un autre candidat : {NotARefusal}", null, false);
        var others = vacancy.Candidacies.Where(c => c.Id != admitted.Id && c.IsOpen).ToArray();
        var candidacies = vacancy.Candidacies.Select(c => c.Id == admitted.Id ? admitted : others.Contains(c) ? c with { Outcome = filled } : c).ToArray();
        var reason = string.Create(CultureInfo.InvariantCulture, $"Place pourvue : dossier {admitted.DossierId} admis, entrée le {admitted.Outcome!.EntryDate:dd/MM/yyyy}.");
        var next = vacancy with { Candidacies = candidacies, End = new VacancyEnd(VacancyStatus.Filled, now, reason, admitted.DossierId) };
        // Overdue ones too: their dossiers still hold them for a late answer, which can no longer come.
        var told = others.Select(c => Tell(next, next.CandidacyOf(c.DossierId)!));
        return Decision.Accept(next, [Tell(next, admitted), .. told]);
    }

    /// <summary>
    /// An ended vacancy changes no more, but for the answer of the dossier it admitted: the confirmation completes it, and
    /// a refusal (the person was admitted elsewhere at the same moment) opens the place again. The same answer to a
    /// candidacy sent again changes nothing, as before the end.
    /// </summary>
    private static Decision<Vacancy> Ended(Vacancy vacancy, VacancyEnd end, VacancyEvent happened, EventContext context) => happened switch
    {
        CandidacyDecided decided when vacancy.CandidacyOf(decided.DossierId) is { Outcome: not null } => Answer(vacancy, decided, context),
        AdmissionConfirmed confirmed when !end.IsFinal && confirmed.DossierId == end.FilledBy => Confirm(vacancy, end),
        CandidacyNotDelivered failed when !end.IsFinal && failed.TargetInstanceId == end.FilledBy && failed.SentEventName == VacancyEventNames.CandidacyEnded => Reopen(vacancy, failed, context.Now),
        _ => Decision.Reject($"La place est {(end.Status == VacancyStatus.Filled ? "pourvue" : "retirée")} : plus rien n'y change."),
    };

    /// <summary>The admitted dossier took the admission: the vacancy completes, and opens the person's stay (<see cref="Stays.StayDecider"/>).</summary>
    private static Decision<Vacancy> Confirm(Vacancy vacancy, VacancyEnd end)
    {
        var entry = vacancy.CandidacyOf(end.FilledBy!)!.Outcome!.EntryDate!.Value;
        var stay = Stays.PlacementStartRequested.StayOf(vacancy, end.FilledBy!, entry);
        return Decision.Accept(vacancy with { End = end with { Confirmed = true } }, new SendMessage(Stays.PlacementStartRequested.Queue, stay));
    }

    /// <summary>
    /// The admitted dossier could not take the admission: the candidacy ends as withdrawn with the dossier's reason, the
    /// place opens again (a top-up follows) and the structure is told. Candidacies ended as "place filled" stay ended:
    /// those dossiers are back on the waiting list already.
    /// </summary>
    private static Decision<Vacancy> Reopen(Vacancy vacancy, CandidacyNotDelivered failed, DateTimeOffset now)
    {
        var admitted = vacancy.CandidacyOf(failed.TargetInstanceId)!;
        var text = $"L'admission du dossier {admitted.DossierId} n'a pas pu être enregistrée ({failed.Reason}) : la place est de nouveau libre.";
        var undone = admitted with { Outcome = new CandidacyOutcome(CandidacyStatus.Withdrawn, now, null, null, null, text, null, false) };
        var alert = new SendMessage(PlacementAlert.Queue, new PlacementAlert(PlacementAlert.AdmissionUndone, PlacementAlert.Structure, vacancy.Place.StructureId, vacancy.Id, admitted.Id, admitted.DossierId, admitted.DueAt, text));
        return Decision.Accept(vacancy with { Candidacies = Replace(vacancy, undone), End = null }, alert);
    }

    /// <summary>The candidate was admitted elsewhere: its open candidacy here ends, not as a refusal, and the slot opens.</summary>
    private static Decision<Vacancy> EndElsewhere(Vacancy vacancy, AdmittedElsewhere admitted, DateTimeOffset now) =>
        EndOpen(vacancy, admitted.DossierId, CandidacyStatus.AdmittedElsewhere, $"Admis sur une autre place ({admitted.VacancyId}) : ce n'est pas un refus.", now);

    /// <summary>The candidate's dossier ended while its candidacy here was open: the candidacy is withdrawn, not a refusal, and the slot opens.</summary>
    private static Decision<Vacancy> Left(Vacancy vacancy, CandidateLeft left, DateTimeOffset now) =>
        EndOpen(vacancy, left.DossierId, CandidacyStatus.Withdrawn, $"Le dossier a pris fin : {left.Reason}", now);

    /// <summary>Ends the open candidacy of <paramref name="dossierId"/> for a reason of the dossier's, not the structure's.</summary>
    private static Decision<Vacancy> EndOpen(Vacancy vacancy, string dossierId, CandidacyStatus status, string why, DateTimeOffset now)
    {
        if (vacancy.CandidacyOf(dossierId) is not { IsOpen: true } candidacy)
        {
            return Decision.Reject($"Aucune candidature ouverte du dossier {dossierId} pour cette place.");
        }

        var outcome = new CandidacyOutcome(status, now, null, null, null, why, null, false);
        return vacancy with { Candidacies = Replace(vacancy, candidacy with { Outcome = outcome }) };
    }

    /// <summary>The structure withdraws the place, saying why: open candidacies end as withdrawn; the pending dossiers are told.</summary>
    private static Decision<Vacancy> Cancel(Vacancy vacancy, VacancyCancelled cancelled, EventContext context)
    {
        if (string.IsNullOrWhiteSpace(cancelled.Reason))
        {
            return Decision.Reject("Le retrait d'une place doit être motivé : le motif est vide.");
        }

        var reason = $"Place retirée par la structure : {cancelled.Reason.Trim()}";
        var withdrawn = new CandidacyOutcome(CandidacyStatus.Withdrawn, context.Now, context.Actor, null, null, $"{reason} ; {NotARefusal}", null, false);
        var open = vacancy.Candidacies.Where(c => c.IsOpen).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var next = vacancy with
        {
            Candidacies = [.. vacancy.Candidacies.Select(c => c.IsOpen ? c with { Outcome = withdrawn } : c)],
            End = new VacancyEnd(VacancyStatus.Cancelled, context.Now, reason, null),
        };
        return Decision.Accept(next, [.. next.Candidacies.Where(c => open.Contains(c.Id)).Select(c => Tell(next, c))]);
    }

    /// <summary>A candidacy's status as French readers read it, for rejections.</summary>
    private static string Describe(CandidacyStatus status) => status switch
    {
        CandidacyStatus.Admitted => "admission",
        CandidacyStatus.Refused => "refus",
        CandidacyStatus.PlaceFilledByAnotherCandidate => "place pourvue par un autre candidat",
        CandidacyStatus.AdmittedElsewhere => "admis sur une autre place",
        CandidacyStatus.Withdrawn => "retirée",
        _ => WireName.Of(status),
    };
}
