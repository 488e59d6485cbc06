using System.Globalization;
using Guichet.Deciders;

namespace Guichet.Domain.Placement;

/// <summary>
/// The 15-day clock of candidacies (invariant 5). Whatever event a vacancy decides, the clock is caught up first, at
/// the event's instant: a pending candidacy past its deadline becomes overdue at its deadline — the structure and the ARS
/// alerted, the dossier told it is available again — whether the timer fired on time, late, or after a late answer
/// arrived; a pending one past its reminder is reminded. Each happens once, because it changes the candidacy.
/// </summary>
public static class CandidacyClock
{
    /// <summary>The next instant the clock has something to do: the earliest reminder not yet sent or deadline of a pending candidacy.</summary>
    public static DateTimeOffset? NextDue(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return vacancy.Candidacies.Where(c => c.IsPending).Select(Due).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }

    /// <summary>The vacancy with every reminder and deadline due at <paramref name="now"/> applied, and what they send.</summary>
    public static (Vacancy Vacancy, IReadOnlyList<Effect> Effects) CatchUp(Vacancy vacancy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var effects = new List<Effect>();
        var candidacies = vacancy.Candidacies.Select(c => c switch
        {
            { IsPending: true } when c.DueAt <= now => Overdue(vacancy, c, effects),
            { IsPending: true, RemindedAt: null } when c.RemindAt <= now => Remind(vacancy, c, now, effects),
            _ => c,
        }).ToArray();
        return effects.Count == 0 ? (vacancy, []) : (vacancy with { Candidacies = candidacies }, effects);
    }

    private static DateTimeOffset Due(Candidacy c) => c.RemindedAt is null && c.RemindAt < c.DueAt ? c.RemindAt : c.DueAt;

    private static Candidacy Overdue(Vacancy vacancy, Candidacy c, List<Effect> effects)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Candidature {c.Id} sans réponse de {vacancy.StructureName} au {c.DueAt:dd/MM/yyyy HH:mm} (délai de réponse dépassé) : le candidat redevient disponible pour d'autres places.");
        effects.Add(Alert(vacancy, c, PlacementAlert.Overdue, PlacementAlert.Structure, text));
        effects.Add(Alert(vacancy, c, PlacementAlert.Overdue, PlacementAlert.Ars, text));
        effects.Add(new SendEvent(c.DossierId, VacancyEventNames.CandidacyEnded, new CandidacyEnded(c.Id, vacancy.Id, CandidacyStatus.Overdue, null, null, null, false)));
        return c with { OverdueAt = c.DueAt };
    }

    private static Candidacy Remind(Vacancy vacancy, Candidacy c, DateTimeOffset now, List<Effect> effects)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Rappel : la candidature {c.Id} attend la réponse de {vacancy.StructureName} avant le {c.DueAt:dd/MM/yyyy HH:mm}. Un refus doit être motivé.");
        effects.Add(Alert(vacancy, c, PlacementAlert.Reminder, PlacementAlert.Structure, text));
        return c with { RemindedAt = now };
    }

    private static SendMessage Alert(Vacancy vacancy, Candidacy c, string kind, string recipient, string text) =>
        new(PlacementAlert.Queue, new PlacementAlert(kind, recipient, vacancy.Place.StructureId, vacancy.Id, c.Id, c.DossierId, c.DueAt, text));
}
