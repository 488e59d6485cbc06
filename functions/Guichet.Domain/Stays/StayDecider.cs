using System.Globalization;
using Guichet.Deciders;

namespace Guichet.Domain.Stays;

/// <summary>
/// The stay workflow: one instance per admission, opened when the dossier confirms it (the dossier and the vacancy have
/// both completed then), ended by the exit, which declares the place free again as a new vacancy. An LHSS stay has a
/// planned end, renewable on a medical opinion; the structure is reminded before it, and the ARS alerted once when it
/// passes with neither renewal nor exit — a person is never put out by a timer.
/// </summary>
/// <param name="policy">The length of an LHSS stay and the reminder's lead.</param>
public sealed partial class StayDecider(StayPolicy policy) : Decider<StartStay, Stay, StayEvent>
{
    /// <summary>The workflow type's name.</summary>
    public const string TypeName = "stay";

    /// <summary>The longest exit note, in characters.</summary>
    public const int MaxNoteLength = 2000;

    private readonly StayPolicy _policy = Checked(policy);

    /// <summary>A stay workflow with the default lengths (<see cref="StayPolicy.Default"/>).</summary>
    public StayDecider()
        : this(StayPolicy.Default)
    {
    }

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override EventCatalog<StayEvent> Events { get; } = new EventCatalog<StayEvent>()
        .Add<ExitRecorded>(StayEventNames.ExitRecorded)
        .Add<RenewalRecorded>(StayEventNames.RenewalRecorded)
        .Add<StayReminderDue>(StayEventNames.Reminder)
        .Add<StayEndDue>(StayEventNames.End);

    /// <summary>Opens the stay on the entry date; an LHSS stay gets its planned end and its two timers.</summary>
    public override Decision<Stay> Start(StartStay input, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (input.Place is null || string.IsNullOrWhiteSpace(input.Place.StructureId) || string.IsNullOrWhiteSpace(input.DossierId) || string.IsNullOrWhiteSpace(input.VacancyId))
        {
            return Decision.Reject("Un séjour nomme son dossier, sa place et sa structure.");
        }

        var end = input.Place.Device == Device.Lhss ? input.EntryDate.AddMonths(_policy.LhssMonths) : (DateOnly?)null;
        var stay = new Stay(context.InstanceId, input.DossierId, input.VacancyId, input.StructureName, input.Place, input.EntryDate, context.Now, end, []);
        return Decision.Accept(stay, [StayRows.Of(stay), .. Clock(stay)]);
    }

    /// <summary>Decides what an event does to the stay; an exited stay changes no more.</summary>
    public override Decision<Stay> Decide(Stay state, StayEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(happened);
        ArgumentNullException.ThrowIfNull(context);
        if (state.Exit is { } exit)
        {
            return Decision.Reject(string.Create(CultureInfo.InvariantCulture, $"Le séjour a pris fin le {exit.Date:dd/MM/yyyy} : plus rien n'y change."));
        }

        var decision = happened switch
        {
            ExitRecorded left => Leave(state, left, context, _policy.TimeZone),
            RenewalRecorded renewal => Renew(state, renewal, context),
            StayReminderDue due => Remind(state, due),
            StayEndDue due => EndReached(state, due),
            _ => throw new ArgumentOutOfRangeException(nameof(happened), happened.GetType().Name, "Not an event of the stay workflow."),
        };
        return decision.IsRejected || ReferenceEquals(decision.State, state) || decision.State == state
            ? decision
            : Decision.Accept(decision.State!, [StayRows.Of(decision.State!), .. decision.Effects]);
    }

    /// <summary>The status's wire spelling ("ongoing").</summary>
    public override string StatusOf(Stay state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return WireName.Of(state.Status);
    }

    /// <summary>
    /// The person left: on a day not before the entry nor after today, for a destination of the closed list. The stay
    /// completes, and the place is declared free again from that day as a new vacancy of the same structure and features.
    /// </summary>
    private static Decision<Stay> Leave(Stay stay, ExitRecorded left, EventContext context, TimeZoneInfo timeZone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, timeZone).DateTime);
        if (!Enum.IsDefined(left.Destination))
        {
            return Decision.Reject($"Destination de sortie inconnue : attendue parmi {string.Join(", ", WireName.All<StayDestination>())}.");
        }

        if (left.Date < stay.EntryDate)
        {
            return Decision.Reject(string.Create(CultureInfo.InvariantCulture, $"La date de sortie ({left.Date:dd/MM/yyyy}) précède la date d'entrée ({stay.EntryDate:dd/MM/yyyy})."));
        }

        if (left.Date > today)
        {
            return Decision.Reject(string.Create(CultureInfo.InvariantCulture, $"La date de sortie ({left.Date:dd/MM/yyyy}) est dans le futur : une sortie s'enregistre le jour même ou après."));
        }

        var note = left.Note?.Trim() is { Length: > 0 } text ? text : null;
        if (note is { Length: > MaxNoteLength })
        {
            return Decision.Reject($"La note de sortie dépasse {MaxNoteLength} caractères.");
        }

        var next = PlacementStartRequested.VacancyAfter(stay, left.Date);
        var exited = stay with { Exit = new StayExit(left.Date, left.Destination, note, context.Now, context.Actor, next.InstanceId) };
        return Decision.Accept(exited, new SendMessage(PlacementStartRequested.Queue, next), new Complete(exited.Exit));
    }

    private static StayPolicy Checked(StayPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.LhssMonths, 1, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.ReminderBefore, TimeSpan.Zero, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(policy.ReminderBefore, TimeSpan.FromDays(28 * policy.LhssMonths), nameof(policy));
        return policy;
    }
}
