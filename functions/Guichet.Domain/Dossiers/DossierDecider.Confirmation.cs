using System.Globalization;
using Guichet.Deciders;

namespace Guichet.Domain.Dossiers;

// The periodic confirmation of a waiting dossier (issue 9): its prescriber confirms every N months, reminded before;
// unconfirmed, the prescribers and the guichet are asked again and a grace runs before it expires, so that no dossier
// disappears because one email was missed. A proposed dossier does not expire under a structure's feet: its end waits
// for the candidacy's.
public sealed partial class DossierDecider
{
    /// <summary>The <c>kind</c> of the reminder told on <c>dossier-events</c>.</summary>
    public const string ConfirmationReminderKind = "confirmation-reminder";

    /// <summary>The <c>kind</c> of the second request told on <c>dossier-events</c> once the date passed unconfirmed.</summary>
    public const string ConfirmationDueKind = "confirmation-due";

    /// <summary>The <c>kind</c> of a confirmation told on <c>dossier-events</c>.</summary>
    public const string ConfirmedKind = "waiting-confirmed";


    /// <summary>
    /// After every rule: a dossier that enters the waiting list starts its confirmation clock; one whose grace ran out
    /// while proposed expires as soon as its candidacy ends without an admission (instead of going back on the list).
    /// </summary>
    private Decision<Dossier> FollowConfirmation(Dossier before, Decision<Dossier> decision, DateTimeOffset now)
    {
        if (decision.IsRejected || decision.State is not { End: null } after || !IsWaiting(after))
        {
            return decision;
        }

        if (after.Confirmation is null)
        {
            var dueAt = now.AddMonths(_policy.ConfirmationMonths);
            return Decision.Accept(after with { Confirmation = new WaitingConfirmation(dueAt, false, null, null, null, null) }, [.. decision.Effects, .. ConfirmationTimers(dueAt)]);
        }

        if (after.Confirmation.ClosesAt is { } closesAt && now >= closesAt && after.Status == DossierStatus.WaitingList && before.Status == DossierStatus.Proposed)
        {
            // The end's reason replaces the "back on the list" message: the dossier does not go back, it ends.
            return Decision.Accept(Unconfirmed(after, now), [.. decision.Effects.Where(e => e is not SendMessage { Body: DossierStatusChanged })]);
        }

        return decision;
    }

    /// <summary>
    /// A prescriber of one of its requests, or the guichet, confirms the dossier: the next confirmation is due a period
    /// from now, the reminder and the due date re-armed, a grace under way cancelled. Only a waiting dossier confirms.
    /// </summary>
    private Decision<Dossier> Confirm(Dossier dossier, WaitingConfirmed confirmed, DateTimeOffset now)
    {
        if (!IsWaiting(dossier))
        {
            return Decision.Reject($"Seul un dossier en liste d'attente se confirme ; celui-ci est {Describe(dossier.Status)}.");
        }

        if (confirmed.PrescriberId is { } prescriber && !dossier.Requests.Any(r => r.Prescriber.Id == prescriber))
        {
            return Decision.Reject($"Le prescripteur {prescriber} n'a pas de demande dans ce dossier : il ne le confirme pas.");
        }

        var dueAt = now.AddMonths(_policy.ConfirmationMonths);
        var note = confirmed.Note?.Trim() is { Length: > 0 } text ? text : null;
        var next = dossier with { Confirmation = new WaitingConfirmation(dueAt, false, null, null, now, note) };
        var by = confirmed.PrescriberId is null ? "par le guichet unique" : "par le prescripteur";
        var reason = string.Create(CultureInfo.InvariantCulture, $"Maintien en liste d'attente confirmé {by} ; prochaine confirmation attendue avant le {dueAt:dd/MM/yyyy}.");
        return Decision.Accept(next, [.. ConfirmationTimers(dueAt), CancelTimer<ConfirmationDeadlineDue>(), .. TellAs(ConfirmedKind, next, reason, now)]);
    }

    /// <summary>The confirmation's date is near: the prescribers are reminded, once per date (the status stays).</summary>
    private static Decision<Dossier> RemindConfirmation(Dossier dossier, DateTimeOffset now)
    {
        if (!IsWaiting(dossier) || dossier.Confirmation is not { Reminded: false, ClosesAt: null } confirmation || now >= confirmation.DueAt)
        {
            return Decision.Reject("Aucune confirmation n'est à rappeler pour ce dossier.");
        }

        var reminded = dossier with { Confirmation = confirmation with { Reminded = true } };
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Rappel : le maintien en liste d'attente est à confirmer sur le guichet unique (POST /api/dossiers/{dossier.Id}/confirmation) avant le {confirmation.DueAt:dd/MM/yyyy} ; sans confirmation, le prescripteur et le guichet seront relancés avant la clôture du dossier.");
        return Decision.Accept(reminded, TellAs(ConfirmationReminderKind, reminded, reason, now));
    }

    /// <summary>
    /// The date passed unconfirmed: the prescribers are asked again, the guichet too (the dossier joins its list of
    /// dossiers awaiting confirmation), and the grace runs to the last deadline.
    /// </summary>
    private Decision<Dossier> AskAgain(Dossier dossier, DateTimeOffset now)
    {
        if (!IsWaiting(dossier) || dossier.Confirmation is not { ClosesAt: null } confirmation || now < confirmation.DueAt)
        {
            return Decision.Reject("Aucune confirmation n'arrive à échéance pour ce dossier.");
        }

        var closesAt = now.AddMonths(_policy.ConfirmationGraceMonths);
        var asked = dossier with { Confirmation = confirmation with { AskedAgainAt = now, ClosesAt = closesAt } };
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Confirmation non reçue au {confirmation.DueAt:dd/MM/yyyy} : le maintien en liste d'attente est à confirmer sur le guichet unique (POST /api/dossiers/{dossier.Id}/confirmation) avant le {closesAt:dd/MM/yyyy}, faute de quoi le dossier sera clos ; le guichet unique est également relancé.");
        return Decision.Accept(asked, [Timer(closesAt, new ConfirmationDeadlineDue()), .. TellAs(ConfirmationDueKind, asked, reason, now)]);
    }

    /// <summary>
    /// The grace ran out unconfirmed: the dossier expires, with its reason; proposed, it waits for its candidacy's end
    /// (<see cref="FollowConfirmation"/>), so that a structure's answer is not cut short.
    /// </summary>
    private static Decision<Dossier> Expire(Dossier dossier, DateTimeOffset now)
    {
        if (!IsWaiting(dossier) || dossier.Confirmation is not { ClosesAt: { } closesAt } || now < closesAt)
        {
            return Decision.Reject("Aucune fin de délai de confirmation n'arrive à échéance pour ce dossier.");
        }

        return dossier.Status == DossierStatus.Proposed ? dossier : Unconfirmed(dossier, now);
    }

    private static Dossier Unconfirmed(Dossier dossier, DateTimeOffset now) => dossier with
    {
        End = new DossierEnd(DossierStatus.Expired, now, string.Create(CultureInfo.InvariantCulture,
            $"Dossier clos faute de confirmation : maintien en liste d'attente attendu avant le {dossier.Confirmation!.DueAt:dd/MM/yyyy}, non confirmé malgré le rappel puis la relance du prescripteur et du guichet unique."), null),
    };

    /// <summary>The reminder (when the policy has one) and the due date of a confirmation due at <paramref name="dueAt"/>.</summary>
    private IEnumerable<Effect> ConfirmationTimers(DateTimeOffset dueAt) =>
    [
        _policy.ConfirmationReminderMonths > 0 ? Timer(dueAt.AddMonths(-_policy.ConfirmationReminderMonths), new ConfirmationReminderDue()) : CancelTimer<ConfirmationReminderDue>(),
        Timer(dueAt, new ConfirmationDue()),
    ];

    private static bool IsWaiting(Dossier dossier) => dossier.Status is DossierStatus.WaitingList or DossierStatus.Proposed;

    /// <summary>The status told to the prescribers, with what it is about (<c>kind</c>), so that upstream systems tell a reminder from a change.</summary>
    private static IReadOnlyList<Effect> TellAs(string kind, Dossier dossier, string reason, DateTimeOffset now) =>
        [.. DossierOutcome.Tell(dossier, reason, now).Select(e => e is SendMessage { Body: DossierStatusChanged told } message ? message with { Body = told with { Kind = kind } } : e)];
}
