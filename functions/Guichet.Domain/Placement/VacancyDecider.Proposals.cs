using Guichet.Deciders;

namespace Guichet.Domain.Placement;

// The matching's proposals, and the dossiers that do not take them (invariant 3).
public sealed partial class VacancyDecider
{
    /// <summary>
    /// Takes the matching's candidates: at least one, each dossier once and never one already proposed here (a proposal
    /// the dossier never took does not count: <see cref="Vacancy.ProposedDossiers"/>), no more
    /// than the open slots (three pending at most), in rank order. Each candidacy starts its clock, and its dossier is told.
    /// </summary>
    private Decision<Vacancy> Propose(Vacancy vacancy, MatchResult? match, EventContext context)
    {
        if (match?.Candidates is not { Count: > 0 } candidates || candidates.Any(c => string.IsNullOrWhiteSpace(c?.DossierId)))
        {
            return Decision.Reject("Une proposition nomme au moins un candidat, chacun par son dossier.");
        }

        if (match.GridVersion < 1)
        {
            return Decision.Reject("Une proposition dit la version de la grille de priorité qui a classé ses candidats.");
        }

        if (candidates.DistinctBy(c => c.DossierId, StringComparer.Ordinal).Count() != candidates.Count)
        {
            return Decision.Reject("Une proposition nomme chaque dossier une fois.");
        }

        var proposedHere = vacancy.ProposedDossiers;
        if (candidates.FirstOrDefault(c => proposedHere.Contains(c.DossierId)) is { } again)
        {
            return Decision.Reject($"Le dossier {again.DossierId} a déjà été proposé pour cette place : un dossier n'y est proposé qu'une fois.");
        }

        if (candidates.Count > vacancy.OpenSlots)
        {
            return Decision.Reject($"Au plus {Matching.CandidatesPerPlace} candidatures en attente par place : {Matching.CandidatesPerPlace - vacancy.OpenSlots} en attente, {candidates.Count} proposées.");
        }

        if (candidates.Zip(candidates.Skip(1)).Any(p => p.First.Rank >= p.Second.Rank))
        {
            return Decision.Reject("Les candidats sont proposés dans l'ordre du classement.");
        }

        var now = context.Now;
        var added = candidates
            .Select(c => new Candidacy(vacancy.NextCandidacyId(c.DossierId), c.DossierId, c.Rank, c.Score, match.GridVersion, now, now + _policy.ReminderAfter, now + _policy.AnswerDeadline))
            .ToArray();
        // The vacancy keeps the skips in short (counts by reason, the key of the full record) and its latest proposals
        // only: thousands of skips, or a place topped up for months, must not grow its state toward its bound.
        var proposal = new Proposal(now, context.Actor, match with { Skipped = [], Summary = match.SummaryOrCounted(), PassedOver = null });
        var next = vacancy with
        {
            Candidacies = [.. vacancy.Candidacies, .. added],
            Proposals = [.. vacancy.Proposals.TakeLast(Vacancy.ProposalsKept - 1), proposal],
            Unmatched = null,
        };
        return Decision.Accept(next, [.. added.Select(c => Tell(c, new CandidacyProposed(c.Id, vacancy.Id, vacancy.Place.StructureId, vacancy.StructureName, c.DueAt)))]);
    }

    /// <summary>
    /// The matching found no compatible candidate: the vacancy records when, with which grid and why none fit, once for
    /// as long as nothing changes (a top-up every quarter of an hour finding the same does not rewrite it).
    /// </summary>
    private static Decision<Vacancy> NoneFound(Vacancy vacancy, NoCandidateFound none, DateTimeOffset now)
    {
        if (none.PassedOver is null || none.GridVersion < 1 || none.Waiting < 0)
        {
            return Decision.Reject("Une recherche sans candidat dit la version de la grille, la taille de la liste et pourquoi aucun dossier ne convient.");
        }

        if (vacancy.OpenSlots == 0)
        {
            return Decision.Reject("Cette place a déjà ses candidats en attente : aucune recherche n'était à faire.");
        }

        if (vacancy.Unmatched is { } was && was.GridVersion == none.GridVersion && was.Waiting == none.Waiting
            && was.PassedOver.Dossiers == none.PassedOver.Dossiers && was.PassedOver.ByReason.SequenceEqual(none.PassedOver.ByReason))
        {
            return Decision.Accept(vacancy);
        }

        var summary = none.PassedOver with { RecordKey = null };
        return vacancy with { Unmatched = new UnmatchedSearch(now, none.GridVersion, none.RankedAt, none.Waiting, summary) };
    }

    /// <summary>
    /// A dossier did not take its proposal (it is pending elsewhere — the dossier is the last word on invariant 3 — or it
    /// has ended): the candidacy is withdrawn, which is not a refusal, and the slot opens for a top-up. It never reached
    /// the person, so a later matching of this place may propose the dossier again.
    /// </summary>
    private static Decision<Vacancy> Undelivered(Vacancy vacancy, CandidacyNotDelivered failed, DateTimeOffset now)
    {
        if (failed.SentEventName != VacancyEventNames.CandidacyProposed || vacancy.CandidacyOf(failed.TargetInstanceId) is not { IsPending: true } candidacy)
        {
            return Decision.Reject($"L'événement « {failed.SentEventName} » non remis au dossier {failed.TargetInstanceId} ne défait rien ici : aucune candidature en attente ne l'attend.");
        }

        var withdrawn = new CandidacyOutcome(CandidacyStatus.Withdrawn, now, null, null, null, $"Le dossier n'a pas pris la candidature : {failed.Reason}", null, false) { NotDelivered = true };
        return vacancy with { Candidacies = Replace(vacancy, candidacy with { Outcome = withdrawn }) };
    }

    private static SendEvent Tell(Candidacy candidacy, CandidacyProposed proposed) => new(candidacy.DossierId, VacancyEventNames.CandidacyProposed, proposed);

    private static SendEvent Tell(Vacancy vacancy, Candidacy candidacy) => new(candidacy.DossierId, VacancyEventNames.CandidacyEnded, new CandidacyEnded(
        candidacy.Id, vacancy.Id, candidacy.Status, candidacy.Outcome?.EntryDate, candidacy.Outcome?.Code, candidacy.Outcome?.Justification, candidacy.Outcome?.Late == true,
        candidacy.Outcome?.RecommendedOrientation));

    private static Candidacy[] Replace(Vacancy vacancy, Candidacy changed) => [.. vacancy.Candidacies.Select(c => c.Id == changed.Id ? changed : c)];
}
