using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Placement;

namespace Guichet.Domain.Dossiers;

// Placement as the dossier sees it (invariant 3): the dossier is the last word on "one pending candidacy at a time",
// goes back to the waiting list with its seniority when a candidacy ends without an admission, and leaves it when
// admitted, ending its other candidacies.
public sealed partial class DossierDecider
{
    private const string BackOnTheList = "le dossier retourne en liste d'attente avec son ancienneté.";

    /// <summary>
    /// A vacancy proposes the dossier: taken only on the waiting list with no pending candidacy; the same proposal
    /// again changes nothing. A refusal goes back to the vacancy, which withdraws the candidacy and tops up.
    /// </summary>
    private static Decision<Dossier> TakeProposal(Dossier dossier, CandidacyProposed proposed, DateTimeOffset now)
    {
        if (dossier.Candidacies.Any(c => c.CandidacyId == proposed.CandidacyId))
        {
            return dossier;
        }

        if (dossier.PendingCandidacy is { } pending)
        {
            return Decision.Reject($"Le dossier a déjà une candidature en attente ({pending.StructureName}) : une seule à la fois.");
        }

        if (dossier.Status != DossierStatus.WaitingList)
        {
            return Decision.Reject($"Seul un dossier en liste d'attente peut être proposé à une structure ; celui-ci est {Describe(dossier.Status)}.");
        }

        var candidacy = new DossierCandidacy(proposed.CandidacyId, proposed.VacancyId, proposed.StructureId, proposed.StructureName, now, proposed.DueAt, false);
        return dossier with { Candidacies = [.. dossier.Candidacies, candidacy] };
    }

    /// <summary>
    /// A candidacy ends. Admitted: the dossier leaves the waiting list, admitted, and its other candidacies end as
    /// admitted elsewhere. Overdue: it is available again, the candidacy kept for a late answer. Refused, place filled,
    /// withdrawn: back on the list with its seniority (a person who declines keeps rank: the ranking does not change).
    /// </summary>
    private static Decision<Dossier> EndCandidacy(Dossier dossier, CandidacyEnded ended, DateTimeOffset now)
    {
        if (dossier.Candidacies.FirstOrDefault(c => c.CandidacyId == ended.CandidacyId) is not { } candidacy)
        {
            return Decision.Reject($"Aucune candidature {ended.CandidacyId} ne concerne ce dossier.");
        }

        return ended.Status switch
        {
            CandidacyStatus.Admitted => Admit(dossier, candidacy, ended, now),
            CandidacyStatus.Overdue when candidacy.Overdue => dossier,
            CandidacyStatus.Overdue => Back(dossier, Replace(dossier, candidacy with { Overdue = true }), string.Create(
                CultureInfo.InvariantCulture, $"Sans réponse de {candidacy.StructureName} au {candidacy.DueAt:dd/MM/yyyy} (délai dépassé) : {BackOnTheList}"), now),
            CandidacyStatus.Pending => Decision.Reject("Une candidature en attente n'a pas pris fin."),
            _ => Back(dossier, Keep(dossier with { Candidacies = [.. dossier.Candidacies.Where(c => c.CandidacyId != candidacy.CandidacyId)] }, candidacy, ended, now), EndReason(candidacy, ended), now),
        };
    }

    /// <summary>
    /// The person is admitted: the dossier ends as admitted, confirms the admission to its vacancy (which completes only
    /// then), and every other candidacy still open ends as admitted elsewhere.
    /// </summary>
    private static Decision<Dossier> Admit(Dossier dossier, DossierCandidacy candidacy, CandidacyEnded ended, DateTimeOffset now)
    {
        if (ended.EntryDate is not { } entry)
        {
            return Decision.Reject("Une admission porte la date d'entrée.");
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"Admis à {candidacy.StructureName}, entrée le {entry:dd/MM/yyyy}.");
        var admitted = dossier with
        {
            Candidacies = [],
            Admission = new Admission(candidacy.StructureId, candidacy.StructureName, candidacy.VacancyId, entry, now),
            End = new DossierEnd(DossierStatus.Admitted, now, reason, null),
        };
        var elsewhere = dossier.Candidacies.Where(c => c.CandidacyId != candidacy.CandidacyId)
            .Select(c => new SendEvent(c.VacancyId, VacancyEventNames.AdmittedElsewhere, new AdmittedElsewhere(dossier.Id, candidacy.VacancyId)));
        var confirmed = new SendEvent(candidacy.VacancyId, VacancyEventNames.AdmissionConfirmed, new AdmissionConfirmed(dossier.Id));
        return Decision.Accept(admitted, [confirmed, .. elsewhere]);
    }

    /// <summary>The dossier without that candidacy; when that puts it back on the list, its prescribers hear why.</summary>
    private static Decision<Dossier> Back(Dossier before, Dossier after, string reason, DateTimeOffset now) =>
        before.Status == after.Status ? after : Decision.Accept(after, DossierOutcome.Tell(after, reason, now));

    private static string EndReason(DossierCandidacy candidacy, CandidacyEnded ended) => ended.Status switch
    {
        CandidacyStatus.Refused when ended.Code == RefusalCode.PersonDeclined =>
            $"La personne a décliné la place proposée par {candidacy.StructureName}, sans pénalité : {BackOnTheList}",
        // A not-eligible justification speaks of health: the prescribers hear the code only.
        CandidacyStatus.Refused when ended.Code is { } code && RefusalCodes.FamilyOf(code) == RefusalFamily.NotEligible =>
            $"Candidature refusée par {candidacy.StructureName} ({WireName.Of(code)}) ; {BackOnTheList}",
        CandidacyStatus.Refused =>
            $"Candidature refusée par {candidacy.StructureName} ({(ended.Code is { } code ? WireName.Of(code) : "sans code")}) : {ended.Justification} ; {BackOnTheList}",
        _ => $"Candidature auprès de {candidacy.StructureName} terminée ({ended.Justification?.TrimEnd('.')}) ; {BackOnTheList}",
    };

    private static Dossier Replace(Dossier dossier, DossierCandidacy changed) =>
        dossier with { Candidacies = [.. dossier.Candidacies.Select(c => c.CandidacyId == changed.CandidacyId ? changed : c)] };
}
