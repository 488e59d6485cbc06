using Guichet.Deciders;
using Guichet.Domain.Dossiers;

namespace Guichet.Domain.Commissions;

/// <summary>
/// The commission-session workflow: one instance per device and sitting. It puts its agenda's dossiers on its
/// agenda, records one decision per dossier in its minutes (with rank, grid version, who and when) and sends it to
/// the dossier, keeps rank overrides within the cap, and closes, carrying its undecided dossiers to the next
/// session. A closed session completes; its state stays readable.
/// </summary>
public sealed partial class CommissionSessionDecider : Decider<OpenSession, CommissionSession, CommissionEvent>
{
    /// <summary>The workflow type's name.</summary>
    public const string TypeName = "commission-session";

    /// <summary>The status of a session taking decisions.</summary>
    public const string Open = "open";

    /// <summary>The status of a closed session.</summary>
    public const string Closed = "closed";

    /// <summary>
    /// The most dossiers one step puts on the agenda: each is an event sent, one outbox row, and a step is one table
    /// transaction of at most 100 operations, a few of them the session's own rows. A longer agenda is put together
    /// over several steps, the session sending itself "agenda-continued" for the rest.
    /// </summary>
    public const int AgendaStep = 80;

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override EventCatalog<CommissionEvent> Events { get; } = new EventCatalog<CommissionEvent>()
        .Add<DecisionRecorded>(CommissionEventNames.DecisionRecorded)
        .Add<AgendaContinued>(CommissionEventNames.AgendaContinued)
        .Add<SessionClosed>(CommissionEventNames.SessionClosed)
        .Add<DossierRefused>(CommissionEventNames.DeliveryFailed);

    /// <summary>Opens the session with empty minutes, and puts the dossiers of its agenda on it, <see cref="AgendaStep"/> at a time.</summary>
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

        return PutOnAgenda(new CommissionSession(context.InstanceId, input, [], null, null));
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
            AgendaContinued continued => Continue(state, continued),
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

    /// <summary>
    /// How many overrides the admissibility decisions <paramref name="session"/> has taken so far allow
    /// (<see cref="CommissionRules.OverrideAllowance"/>); each further admissibility decision may raise it.
    /// </summary>
    public static int OverrideAllowance(CommissionSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return CommissionRules.OverrideAllowance(session.Opening.OverrideCap, AdmissibleDecisions(session));
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
    /// Puts the next <see cref="AgendaStep"/> dossiers of the agenda on it, and sends the session "agenda-continued"
    /// while some are left.
    /// </summary>
    private static Decision<CommissionSession> PutOnAgenda(CommissionSession session)
    {
        var agenda = session.Opening.Agenda;
        var step = agenda.Skip(session.OnAgenda).Take(AgendaStep).ToArray();
        var next = session with { OnAgenda = session.OnAgenda + step.Length };
        var rest = next.OnAgenda < agenda.Count ? [new SendEvent(session.Id, CommissionEventNames.AgendaContinued, new AgendaContinued(next.OnAgenda))] : Array.Empty<Effect>();
        return Decision.Accept(next, [Row(next), .. step.Select(a => new SendEvent(a.DossierId, DossierEventNames.PutOnAgenda, new PutOnAgenda(session.Id))), .. rest]);
    }

    /// <summary>
    /// The next step of putting the agenda together. A closed session puts no one more on it (its undecided
    /// dossiers, told or not, are carried over), and a step already taken is not taken again: both change nothing.
    /// </summary>
    private static Decision<CommissionSession> Continue(CommissionSession session, AgendaContinued continued) =>
        session.ClosedAt is null && continued.From == session.OnAgenda && session.OnAgenda < session.Opening.Agenda.Count
            ? PutOnAgenda(session)
            : Decision.Accept(session);

    private static int AdmissibleDecisions(CommissionSession session) => session.Minutes.Count(m => m.Decision.Verdict == CommissionVerdict.Admissible);

    private static int Overrides(CommissionSession session) => session.Minutes.Count(m => m.Decision.PriorityOverride is not null);
}
