using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Placement;

namespace Guichet.Domain.Stays;

// LHSS stays: renewals on a medical opinion, the reminder before the planned end, the ARS alerted once when it passes.
public sealed partial class StayDecider
{
    /// <summary>The longest medical opinion or author's name kept, in characters.</summary>
    public const int MaxOpinionLength = 4000;

    /// <summary>
    /// An LHSS stay is renewed on a medical opinion, whose author is named: the planned end moves by one period and the
    /// clock with it. The renewal names the end it extends, so that the same renewal sent twice extends it once; one
    /// naming an end already extended otherwise is refused. Only LHSS stays are renewed.
    /// </summary>
    private Decision<Stay> Renew(Stay stay, RenewalRecorded renewal, EventContext context)
    {
        if (stay.PlannedEnd is not { } end)
        {
            return Decision.Reject($"Seuls les séjours LHSS se renouvellent : ce séjour est un séjour {WireName.Of(stay.Place.Device)}, sans échéance.");
        }

        var author = renewal.OpinionAuthor?.Trim();
        if (string.IsNullOrEmpty(author))
        {
            return Decision.Reject("Un renouvellement s'appuie sur un avis médical : son auteur (opinionAuthor) est à nommer.");
        }

        var opinion = renewal.Opinion?.Trim() is { Length: > 0 } text ? text : null;
        if (author.Length > 200 || opinion is { Length: > MaxOpinionLength })
        {
            return Decision.Reject($"L'auteur de l'avis (200 caractères) ou l'avis ({MaxOpinionLength} caractères) est trop long.");
        }

        if (renewal.Renews != end)
        {
            return stay.Renewals.Any(r => r.Renews == renewal.Renews && r.OpinionAuthor == author && r.Opinion == opinion)
                ? stay
                : Decision.Reject(string.Create(CultureInfo.InvariantCulture, $"Le séjour se termine le {end:dd/MM/yyyy}, pas le {renewal.Renews:dd/MM/yyyy} : ce renouvellement ne porte pas sur l'échéance en cours."));
        }

        var next = end.AddMonths(_policy.LhssMonths);
        var renewed = stay with { PlannedEnd = next, Renewals = [.. stay.Renewals, new Renewal(context.Now, context.Actor, end, next, author, opinion)] };
        return Decision.Accept(renewed, Clock(renewed));
    }

    /// <summary>The planned end is near: the structure is reminded, once per planned end.</summary>
    private static Decision<Stay> Remind(Stay stay, StayReminderDue due)
    {
        if (stay.PlannedEnd != due.PlannedEnd || stay.RemindedFor == due.PlannedEnd)
        {
            return stay;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"Le séjour LHSS {stay.Id} (dossier {stay.DossierId}) chez {stay.StructureName} se termine le {due.PlannedEnd:dd/MM/yyyy} : renouvelez-le sur avis médical ou enregistrez la sortie.");
        return Decision.Accept(stay with { RemindedFor = due.PlannedEnd }, Alert(stay, StayAlert.EndNear, PlacementAlert.Structure, text));
    }

    /// <summary>
    /// The planned end is reached with neither renewal nor exit: the ARS is alerted, exactly once per planned end, and the
    /// stay goes on — the person is not put out by a timer; the structure records the exit or a renewal.
    /// </summary>
    private static Decision<Stay> EndReached(Stay stay, StayEndDue due)
    {
        if (stay.PlannedEnd != due.PlannedEnd || stay.EndAlertedFor == due.PlannedEnd)
        {
            return stay;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"Le séjour LHSS {stay.Id} (dossier {stay.DossierId}) chez {stay.StructureName} a atteint son échéance du {due.PlannedEnd:dd/MM/yyyy} sans renouvellement ni sortie enregistrés.");
        return Decision.Accept(stay with { EndAlertedFor = due.PlannedEnd }, Alert(stay, StayAlert.EndReached, PlacementAlert.Ars, text));
    }

    /// <summary>The reminder and the end timers of the planned end, replacing those of an earlier one; none without a planned end.</summary>
    private IReadOnlyList<Effect> Clock(Stay stay) => stay.PlannedEnd is { } end
        ? [Timer(EndOf(end, _policy.TimeZone) - _policy.ReminderBefore, new StayReminderDue(end)), Timer(EndOf(end, _policy.TimeZone), new StayEndDue(end))]
        : [];

    /// <summary>The instant a planned end is reached: the start of that day in the guichet's time zone (as an exit's "today").</summary>
    public static DateTimeOffset EndOf(DateOnly plannedEnd, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var midnight = plannedEnd.ToDateTime(TimeOnly.MinValue);
        return new(midnight, timeZone.GetUtcOffset(midnight));
    }

    private static SendMessage Alert(Stay stay, string kind, string recipient, string text) =>
        new(PlacementAlert.Queue, new StayAlert(kind, recipient, stay.Place.StructureId, stay.Id, stay.DossierId, stay.PlannedEnd!.Value, text));
}
