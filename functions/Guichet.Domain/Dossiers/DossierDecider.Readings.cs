using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

// The double reading (medical ∥ social) and the questions a reader puts to the prescriber.
public sealed partial class DossierDecider
{
    /// <summary>Why a dossier closes when the information asked did not come in time.</summary>
    public const string IncompleteReason = "Dossier clos : informations demandées non reçues dans le délai";

    /// <summary>
    /// Records a reading once: its score goes from 0 to 5; ineligible says why and where to send the person, and
    /// ends the dossier as not admissible; needs-information asks a question, with a deadline and a reminder;
    /// the second eligible reading sends the dossier to the commission. A reading is done again only after the
    /// prescriber answered the question it asked (the answer cleared it).
    /// </summary>
    private Decision<Dossier> Record(Dossier dossier, Reading reading, Dossier withReading, DateTimeOffset now)
    {
        var which = reading.Kind == ReadingKind.Medical ? "médicale" : "sociale";
        var scale = reading.Kind == ReadingKind.Medical ? "La gravité médicale" : "La vulnérabilité sociale";
        var recorded = reading.Kind == ReadingKind.Medical ? dossier.Medical : (object?)dossier.Social;
        if (reading.Score is < 0 or > 5)
        {
            return Decision.Reject($"{scale} va de 0 à 5 ; la lecture en donne {reading.Score.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!Enum.IsDefined(reading.Verdict))
        {
            return Decision.Reject("La conclusion d'une lecture est eligible, ineligible ou needs-information.");
        }

        if (dossier.Information is { } open && open.AskedBy == WireName.Of(reading.Kind))
        {
            return Decision.Reject($"La lecture {which} attend la réponse du prescripteur à sa question : elle sera refaite après cette réponse.");
        }

        if (recorded is not null)
        {
            return Decision.Reject($"La lecture {which} de ce dossier est déjà enregistrée.");
        }

        switch (reading.Verdict)
        {
            case ReadingVerdict.Ineligible when string.IsNullOrWhiteSpace(reading.Reason) || reading.Orientation is not { } orientation || !Enum.IsDefined(orientation):
                return Decision.Reject($"Une lecture {which} qui conclut à l'inéligibilité dit pourquoi et recommande une autre orientation.");
            case ReadingVerdict.Ineligible:
                // The end reason is shown to every role and sent on dossier-events: a medical reader's words stay in the medical reading.
                var why = reading.Kind == ReadingKind.Medical ? "motif dans la lecture médicale, réservé aux rôles médicaux" : reading.Reason!.Trim();
                var reason = $"Non éligible (lecture {which}) : {why} — orientation recommandée : {WireName.Of(reading.Orientation!.Value)}.";
                return withReading with { End = new DossierEnd(DossierStatus.NotAdmissible, now, reason, null) };
            case ReadingVerdict.NeedsInformation when string.IsNullOrWhiteSpace(reading.Question):
                return Decision.Reject($"Une lecture {which} qui demande des informations pose sa question au prescripteur.");
            case ReadingVerdict.NeedsInformation when dossier.Information is not null:
                return Decision.Reject("Une question est déjà posée au prescripteur pour ce dossier : attendez sa réponse avant d'en poser une autre.");
            case ReadingVerdict.NeedsInformation:
                return Ask(withReading, WireName.Of(reading.Kind), reading.Question!.Trim(), now);
            default:
                return DossierLifecycle.BothReadingsEligible(withReading) ? withReading with { ReadingsCompletedAt = now } : withReading;
        }
    }

    /// <summary>Opens a question to the prescriber: a deadline, and a reminder before it (both durable timers).</summary>
    private Decision<Dossier> Ask(Dossier dossier, string askedBy, string question, DateTimeOffset now)
    {
        var dueAt = now + _policy.InformationDeadline;
        var asked = dossier with { Information = new InformationRequest(askedBy, question, now, dueAt, []) };
        return Decision.Accept(
            asked,
            Timer(dueAt - _policy.InformationReminderBefore, new InformationReminderDue()),
            Timer(dueAt, new InformationDeadlineDue()));
    }

    /// <summary>
    /// The prescriber answers: the question closes with its answer kept, its timers are cancelled, and the
    /// reading that asked is cleared, to be done again with the answer.
    /// </summary>
    private Decision<Dossier> Answer(Dossier dossier, string answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return Decision.Reject("La réponse au lecteur est vide.");
        }

        var question = dossier.Information!;
        var answered = dossier with
        {
            Information = null,
            Answered = [.. dossier.Answered, question with { Answers = [.. question.Answers, answer.Trim()] }],
            Medical = question.AskedBy == WireName.Of(ReadingKind.Medical) ? null : dossier.Medical,
            Social = question.AskedBy == WireName.Of(ReadingKind.Social) ? null : dossier.Social,
        };
        return Decision.Accept(answered, CancelTimer<InformationReminderDue>(), CancelTimer<InformationDeadlineDue>());
    }

    /// <summary>The deadline to answer is near: the prescribers are reminded of the question (the status stays).</summary>
    private static Decision<Dossier> Remind(Dossier dossier, DateTimeOffset now)
    {
        var question = dossier.Information!;
        var reason = string.Create(CultureInfo.InvariantCulture, $"Rappel : une réponse est attendue avant le {question.DueAt:dd/MM/yyyy}, faute de quoi le dossier sera clos. Question : {DossierOutcome.QuestionAsTold(question)}");
        return Decision.Accept(dossier, DossierOutcome.Tell(dossier, reason, now));
    }

    /// <summary>No answer by the deadline: the dossier closes as incomplete.</summary>
    private static Decision<Dossier> CloseAsIncomplete(Dossier dossier, DateTimeOffset now) =>
        dossier with { End = new DossierEnd(DossierStatus.Closed, now, IncompleteReason, null) };

    private static Reading ReadingOf(MedicalReading reading) =>
        new(ReadingKind.Medical, reading.Verdict, reading.Severity, reading.Reason, reading.RecommendedOrientation, reading.Question);

    private static Reading ReadingOf(SocialReading reading) =>
        new(ReadingKind.Social, reading.Verdict, reading.Vulnerability, reading.Reason, reading.RecommendedOrientation, reading.Question);

    /// <summary>What the rules read of either reading.</summary>
    private sealed record Reading(ReadingKind Kind, ReadingVerdict Verdict, int Score, string? Reason, Orientation? Orientation, string? Question);
}
