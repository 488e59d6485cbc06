using Guichet.Deciders;

namespace Guichet.Domain.Placement;

/// <summary>
/// What every accepted step of a vacancy does besides its rule's own effects, derived from the states before and after
/// it, so that no rule can forget them: the rows that changed are written; the candidacy clock is set to the next
/// reminder or deadline (or cancelled when none is left); a vacancy that has more open slots than before asks for a
/// matching (a top-up); a vacancy that ends completes (a filled one once its dossier has confirmed the admission).
/// </summary>
public static class VacancyOutcome
{
    /// <summary>The decision with those effects added: rows, the rule's effects, the clock, the matching request, completion.</summary>
    public static Decision<Vacancy> Of(Vacancy? before, Decision<Vacancy> decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.IsRejected)
        {
            return decision;
        }

        var after = decision.State!;
        var old = before is null ? [] : VacancyRows.Of(before).ToDictionary(p => p.RowKey);
        var effects = new List<Effect>(VacancyRows.Of(after).Where(p => !old.TryGetValue(p.RowKey, out var was) || !Equals(was.Row, p.Row)));
        effects.AddRange(decision.Effects);
        var (was, next) = (before is null ? null : CandidacyClock.NextDue(before), CandidacyClock.NextDue(after));
        if (next is { } due && next != was)
        {
            effects.Add(new ScheduleTimer(VacancyEventNames.CandidacyClock, due, new CandidacyClockDue()));
        }
        else if (next is null && was is not null)
        {
            effects.Add(new CancelTimer(VacancyEventNames.CandidacyClock));
        }

        if (after.OpenSlots > (before?.OpenSlots ?? 0))
        {
            effects.Add(new SendMessage(MatchingRequested.Queue, new MatchingRequested(after.Id, after.Place, after.OpenSlots, [.. after.ProposedDossiers.Order(StringComparer.Ordinal)])));
        }

        if (after.End is { IsFinal: true } end && before?.End is not { IsFinal: true })
        {
            effects.Add(new Complete(end));
        }

        return Decision.Accept(after, effects);
    }
}
