using Guichet.Deciders;
using Guichet.Domain.Dossiers;

namespace Guichet.Domain.Commissions;

/// <summary>
/// The commission-session workflow: one instance per device and sitting. It puts its agenda's dossiers on its
/// agenda, records one decision per dossier in its minutes (with rank, grid version, who and when) and sends it to
/// the dossier, keeps rank overrides within the cap, and closes, carrying its undecided dossiers to the next
/// session. A closed session completes; its state stays readable.
/// </summary>
public sealed class CommissionSessionDecider : Decider<OpenSession, CommissionSession, CommissionEvent>
{
    /// <summary>The workflow type's name.</summary>
    public const string TypeName = "commission-session";

    /// <summary>The status of a session taking decisions.</summary>
    public const string Open = "open";

    /// <summary>The status of a closed session.</summary>
    public const string Closed = "closed";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override EventCatalog<CommissionEvent> Events { get; } = new EventCatalog<CommissionEvent>()
        .Add<DecisionRecorded>(CommissionEventNames.DecisionRecorded)
        .Add<SessionClosed>(CommissionEventNames.SessionClosed)
        .Add<DossierRefused>(CommissionEventNames.DeliveryFailed);

    /// <summary>Opens the session with empty minutes, and puts each dossier of its agenda on it.</summary>
    public override Decision<CommissionSession> Start(OpenSession input, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (!double.IsFinite(input.OverrideCap) || input.OverrideCap is < 0 or > 1)
        {
            return Decision.Reject("La part des décisions qui peuvent déroger au rang va de 0 à 1 (0,10 par défaut).");
        }

        if (input.Agenda.Any(a => string.IsNullOrWhiteSpace(a.DossierId)) || input.Agenda.DistinctBy(a => a.DossierId, StringComparer.Ordinal).Count() != input.Agenda.Count)
        {
            return Decision.Reject("L'ordre du jour nomme chaque dossier une fois.");
        }

        var session = new CommissionSession(context.InstanceId, input, [], null, null);
        return Decision.Accept(
            session,
            [Row(session), .. input.Agenda.Select(a => new SendEvent(a.DossierId, DossierEventNames.PutOnAgenda, new PutOnAgenda(session.Id)))]);
    }

    /// <summary>Decides what an event does to the session: one arm per rule.</summary>
    public override Decision<CommissionSession> Decide(CommissionSession state, CommissionEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(happened);
        ArgumentNullException.ThrowIfNull(context);
        return happened switch
        {
            DossierRefused refused => Refused(state, refused, context.Now),
            _ when state.ClosedAt is not null => Decision.Reject("La séance est close : ses décisions ne changent plus."),
            DecisionRecorded decision => Record(state, decision, context),
            SessionClosed closed => Close(state, closed, context.Now),
            _ => throw new ArgumentOutOfRangeException(nameof(happened), happened.GetType().Name, "Not an event of the commission-session workflow."),
        };
    }

    /// <summary>"open" or "closed".</summary>
    public override string StatusOf(CommissionSession state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ClosedAt is null ? Open : Closed;
    }

    /// <summary>How many overrides <paramref name="session"/> may make (<see cref="CommissionRules.OverrideAllowance"/>).</summary>
    public static int OverrideAllowance(CommissionSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return CommissionRules.OverrideAllowance(session.Opening.OverrideCap, session.Opening.Agenda.Count);
    }

    /// <summary>The session's row in <see cref="CommissionReadModels.Sessions"/>.</summary>
    public static Project Row(CommissionSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var opening = session.Opening;
        var verdicts = session.Minutes.Select(m => m.Decision.Verdict).ToArray();
        var row = new CommissionSessionRow(
            session.Id,
            WireName.Of(opening.Device),
            opening.SittingAt,
            opening.CutOff,
            session.ClosedAt is null ? Open : Closed,
            opening.GridVersion,
            opening.Agenda.Count,
            verdicts.Length,
            verdicts.Count(v => v == CommissionVerdict.Admissible),
            verdicts.Count(v => v == CommissionVerdict.NotAdmissible),
            verdicts.Count(v => v == CommissionVerdict.Adjourned),
            Overrides(session),
            OverrideAllowance(session),
            session.Refusals.Where(r => r.EventName == DossierEventNames.PutOnAgenda).Select(r => r.DossierId).Distinct(StringComparer.Ordinal).Count(),
            session.CarriedOver.Count,
            session.ClosedAt);
        return new(CommissionReadModels.Sessions, row.Device, session.Id, row);
    }

    /// <summary>
    /// Records one decision on a dossier of the agenda, once: well-formed (invariant 4), an override within the
    /// session's allowance; the minutes say its rank, the grid version, who and when; the dossier is told.
    /// </summary>
    private static Decision<CommissionSession> Record(CommissionSession session, DecisionRecorded decision, EventContext context)
    {
        var item = session.Opening.Agenda.FirstOrDefault(a => a.DossierId == decision.DossierId);
        if (item is null)
        {
            return Decision.Reject($"Le dossier {decision.DossierId} n'est pas à l'ordre du jour de cette séance.");
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

        var allowance = OverrideAllowance(session);
        if (decision.PriorityOverride is not null && Overrides(session) + 1 > allowance)
        {
            return Decision.Reject(allowance == 0
                ? "Cette séance ne permet aucune dérogation au rang."
                : $"Dérogations au rang épuisées : au plus {allowance} pour cette séance de {session.Opening.Agenda.Count} dossiers ({(int)Math.Round(session.Opening.OverrideCap * 100)} % de l'ordre du jour, au moins une).");
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

    private static int Overrides(CommissionSession session) => session.Minutes.Count(m => m.Decision.PriorityOverride is not null);
}
