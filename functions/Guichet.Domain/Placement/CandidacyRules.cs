using Guichet.Deciders;

namespace Guichet.Domain.Placement;

/// <summary>
/// What makes a structure's answer to a candidacy well-formed (invariant 4): an admission has an entry date and no
/// refusal code; a refusal has a code of the published nomenclature, a non-blank justification, and, when the person
/// is not eligible for this place, a recommended orientation.
/// </summary>
public static class CandidacyRules
{
    /// <summary>
    /// How far ahead an entry date may be, in months after the place is available (or after the answer, if later). An
    /// admission holds the place for the person: a place that stays empty longer is not free now, and the situation of
    /// a person in the street or leaving hospital will have changed by then; the structure declares the place when it is.
    /// </summary>
    public const int EntryWithinMonths = 6;

    /// <summary>
    /// Why an admission's <paramref name="entry"/> date is refused, or null: it is neither before the place is available
    /// nor before the day of the proposal, nor more than <see cref="EntryWithinMonths"/> months ahead. The proposal's day
    /// is its UTC day, never later than the guichet's local day, so no entry the structure could mean is refused.
    /// </summary>
    public static Rejection? CheckEntry(DateOnly entry, FreePlace place, Candidacy candidacy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(candidacy);
        var proposed = DateOnly.FromDateTime(candidacy.ProposedAt.UtcDateTime);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var latest = (today > place.AvailableFrom ? today : place.AvailableFrom).AddMonths(EntryWithinMonths);
        return entry switch
        {
            _ when entry < place.AvailableFrom => Because(entry, $"précède la disponibilité de la place ({Day(place.AvailableFrom)})"),
            _ when entry < proposed => Because(entry, $"précède la proposition de la candidature ({Day(proposed)})"),
            _ when entry > latest => Because(entry, $"est à plus de {EntryWithinMonths} mois (au plus tard le {Day(latest)}) : une place n'est pas tenue vide si longtemps"),
            _ => null,
        };
    }

    private static Rejection Because(DateOnly entry, string why) => Rejection.Because($"entryDate : la date d'entrée ({Day(entry)}) {why}.");

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why <paramref name="decided"/> is refused, or null when it is well-formed.</summary>
    public static Rejection? Check(CandidacyDecided decided)
    {
        ArgumentNullException.ThrowIfNull(decided);
        return decided.Decision switch
        {
            _ when !Enum.IsDefined(decided.Decision) => Rejection.Because("La décision est « admit » (admission) ou « refuse » (refus motivé)."),
            CandidacyDecision.Admit when decided.EntryDate is null => Rejection.Because("Une admission porte la date d'entrée de la personne."),
            CandidacyDecision.Admit when decided.Code is not null || decided.RecommendedOrientation is not null =>
                Rejection.Because("Une admission ne porte ni code de refus ni orientation recommandée."),
            CandidacyDecision.Refuse when decided.Code is not { } code || !Enum.IsDefined(code) => Rejection.Because(
                $"Un refus porte un code de la nomenclature publiée : non éligible pour cette place ({RefusalCodes.Listed(RefusalFamily.NotEligible)}) ou pratique ({RefusalCodes.Listed(RefusalFamily.Practical)})."),
            CandidacyDecision.Refuse when string.IsNullOrWhiteSpace(decided.Justification) => Rejection.Because("Un refus doit être motivé : la justification est vide."),
            CandidacyDecision.Refuse when decided.EntryDate is not null => Rejection.Because("Un refus ne porte pas de date d'entrée."),
            CandidacyDecision.Refuse when RefusalCodes.FamilyOf(decided.Code!.Value) == RefusalFamily.NotEligible
                && (decided.RecommendedOrientation is not { } orientation || !Enum.IsDefined(orientation)) => Rejection.Because(
                $"Un refus pour non-éligibilité à cette place nomme l'orientation recommandée : {string.Join(", ", WireName.All<Readings.Orientation>())}."),
            _ => null,
        };
    }

    /// <summary>
    /// Whether <paramref name="outcome"/> is the very answer <paramref name="decided"/> gives: same decision, entry date,
    /// code, justification (trimmed) and orientation. The same answer sent again is answered as the first; any other is refused.
    /// </summary>
    public static bool SameAnswer(CandidacyOutcome outcome, CandidacyDecided decided)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(decided);
        return outcome.Status == StatusOf(decided.Decision)
            && outcome.EntryDate == decided.EntryDate
            && outcome.Code == decided.Code
            && string.Equals(outcome.Justification, Justification(decided), StringComparison.Ordinal)
            && outcome.RecommendedOrientation == decided.RecommendedOrientation;
    }

    /// <summary>The status an answer gives its candidacy.</summary>
    public static CandidacyStatus StatusOf(CandidacyDecision decision) => decision == CandidacyDecision.Admit ? CandidacyStatus.Admitted : CandidacyStatus.Refused;

    /// <summary>The justification as recorded: trimmed, null when blank.</summary>
    public static string? Justification(CandidacyDecided decided)
    {
        ArgumentNullException.ThrowIfNull(decided);
        return decided.Justification?.Trim() is { Length: > 0 } text ? text : null;
    }
}
