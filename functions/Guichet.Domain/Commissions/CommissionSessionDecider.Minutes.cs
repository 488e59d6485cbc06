using Guichet.Deciders;
using Guichet.Domain.Dossiers;

namespace Guichet.Domain.Commissions;

// The session's minutes: its decisions, its closing, and what dossiers refused of it.
public sealed partial class CommissionSessionDecider
{
    /// <summary>
    /// Records one decision on a dossier of the agenda, once: well-formed (invariant 4), an override within the
    /// cap's share of the session's admissibility decisions; the minutes say its rank, the grid version, who and when; the dossier is told.
    /// </summary>
    private static Decision<CommissionSession> Record(CommissionSession session, DecisionRecorded decision, EventContext context)
    {
        var position = session.Opening.Agenda.ToList().FindIndex(a => a.DossierId == decision.DossierId);
        if (position < 0)
        {
            return Decision.Reject($"Le dossier {decision.DossierId} n'est pas à l'ordre du jour de cette séance.");
        }

        var item = session.Opening.Agenda[position];
        if (position >= session.OnAgenda)
        {
            return Decision.Reject($"Le dossier {item.DossierId} n'est pas encore inscrit à l'ordre du jour : la séance l'inscrit dans un instant, réessayez.");
        }

        if (session.Refusals.FirstOrDefault(r => r.DossierId == item.DossierId && r.EventName == DossierEventNames.PutOnAgenda) is { } left)
        {
            return Decision.Reject($"Le dossier {item.DossierId} a quitté l'ordre du jour : {left.Reason}");
        }

        if (session.Minutes.Any(m => m.Decision.DossierId == item.DossierId))
        {
            return Decision.Reject($"La commission a déjà décidé du dossier {item.DossierId} dans cette séance.");
        }

        if (CommissionRules.Check(decision.Verdict, decision.Code, decision.Justification, decision.PriorityOverride) is { } refusal)
        {
            return refusal;
        }

        if (decision.PriorityOverride is not null && OverrideBeyondTheCap(session) is { } beyond)
        {
            return beyond;
        }

        var recorded = decision with
        {
            Justification = decision.Justification?.Trim() is { Length: > 0 } j ? j : null,
            PriorityOverride = decision.PriorityOverride?.Trim(),
        };
        var next = session with { Minutes = [.. session.Minutes, new MinutesEntry(recorded, item.Rank, session.Opening.GridVersion, context.Actor, context.Now)] };
        var told = new CommissionDecided(session.Id, recorded.Verdict, recorded.Code, recorded.Justification, recorded.PriorityOverride);
        return Decision.Accept(next, Row(next), new SendEvent(item.DossierId, DossierEventNames.CommissionDecided, told));
    }

    /// <summary>
    /// Why one more override is refused, or null: it is accepted only while the overrides, this one included, are
    /// at most the cap's share of the session's admissibility decisions, this one included (at least one).
    /// </summary>
    private static Rejection? OverrideBeyondTheCap(CommissionSession session)
    {
        var admissible = AdmissibleDecisions(session) + 1;
        var overrides = Overrides(session) + 1;
        var allowance = CommissionRules.OverrideAllowance(session.Opening.OverrideCap, admissible);
        if (overrides <= allowance)
        {
            return null;
        }

        return Rejection.Because(allowance == 0
            ? "Cette séance ne permet aucune dérogation au rang."
            : $"Dérogations au rang épuisées : celle-ci serait la {overrides}e pour {admissible} décisions d'admissibilité de cette séance, celle-ci comprise ; au plus {allowance} ({(int)Math.Round(session.Opening.OverrideCap * 100)} % des décisions d'admissibilité, au moins une).");
    }

    /// <summary>Closes the session: the undecided dossiers still on its agenda are carried over, in agenda order; the instance completes.</summary>
    private static Decision<CommissionSession> Close(CommissionSession session, SessionClosed closed, DateTimeOffset now)
    {
        var left = session.Refusals.Where(r => r.EventName == DossierEventNames.PutOnAgenda).Select(r => r.DossierId).ToHashSet(StringComparer.Ordinal);
        var decided = session.Minutes.Select(m => m.Decision.DossierId).ToHashSet(StringComparer.Ordinal);
        var carried = session.Opening.Agenda
            .Where(a => !decided.Contains(a.DossierId) && !left.Contains(a.DossierId))
            .OrderBy(a => a.Rank)
            .Select(a => a.DossierId)
            .ToArray();
        var next = session with { ClosedAt = now, Note = closed.Note?.Trim() is { Length: > 0 } note ? note : null, CarriedOver = carried };
        var row = Row(next);
        return Decision.Accept(next, row, new Complete(row.Row));
    }

    /// <summary>A dossier did not apply what the session sent it: the session keeps why (a dossier that refused the agenda leaves it).</summary>
    private static Decision<CommissionSession> Refused(CommissionSession session, DossierRefused refused, DateTimeOffset now)
    {
        var next = session with { Refusals = [.. session.Refusals, new DossierRefusal(refused.TargetInstanceId, refused.SentEventName, refused.Reason, now)] };
        return Decision.Accept(next, Row(next));
    }
}
