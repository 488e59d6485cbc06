using Guichet.Domain.Readings;

namespace Guichet.Domain.Placement;

// The events of the vacancy workflow: one record per event name (the names are in VacancyEventNames).

/// <summary>What a vacancy starts from: the place a structure declares free, and the structure's name for alerts.</summary>
/// <param name="Place">The place.</param>
/// <param name="StructureName">The structure's name.</param>
public sealed record DeclareVacancy(FreePlace Place, string StructureName);

/// <summary>What may happen to a vacancy.</summary>
public abstract record VacancyEvent;

/// <summary>
/// "candidates-proposed": the matching's proposal, computed by the caller from the waiting list (a cross-instance read);
/// the vacancy checks what it can see itself: at most three pending, no dossier twice, in rank order.
/// </summary>
/// <param name="Match">The proposal.</param>
public sealed record CandidatesProposed(MatchResult Match) : VacancyEvent;

/// <summary>"no-candidate-found": the matching read the device's list and none of it fits the place; the vacancy records why.</summary>
/// <param name="GridVersion">The priority grid version of the ranking read.</param>
/// <param name="RankedAt">The instant of that ranking.</param>
/// <param name="Waiting">How many dossiers the list held.</param>
/// <param name="PassedOver">How many were passed over, by reason.</param>
public sealed record NoCandidateFound(int GridVersion, DateTimeOffset RankedAt, int Waiting, SkippedSummary PassedOver) : VacancyEvent;

/// <summary>"candidacy-decided": the structure answers a candidacy, in time or late.</summary>
/// <param name="DossierId">The candidate's dossier.</param>
/// <param name="Decision">Admit or refuse.</param>
/// <param name="EntryDate">The entry date (admission only).</param>
/// <param name="Code">The refusal code (refusal only).</param>
/// <param name="Justification">Why (required for a refusal; a note for an admission).</param>
/// <param name="RecommendedOrientation">Where to send the person (required for a not-eligible refusal).</param>
/// <param name="CandidacyId">
/// The candidacy answered, when the structure named it: refused unless it is still the dossier's latest here (a
/// proposal never delivered may be followed by another under a new id between the structure's read and its answer).
/// </param>
public sealed record CandidacyDecided(
    string DossierId,
    CandidacyDecision Decision,
    DateOnly? EntryDate = null,
    RefusalCode? Code = null,
    string? Justification = null,
    Orientation? RecommendedOrientation = null,
    string? CandidacyId = null) : VacancyEvent;

/// <summary>"candidacy-clock" (a timer): a reminder or a deadline of a candidacy is due.</summary>
public sealed record CandidacyClockDue : VacancyEvent;

/// <summary>"admitted-elsewhere": the candidate was admitted in another place; its candidacy here ends, not as a refusal.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="VacancyId">The vacancy that admitted it.</param>
public sealed record AdmittedElsewhere(string DossierId, string VacancyId) : VacancyEvent;

/// <summary>"candidate-left": the candidate's dossier ended (withdrawn, merged, closed) while its candidacy was open; it ends as withdrawn, not a refusal.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Reason">Why, as the dossier's end says it.</param>
public sealed record CandidateLeft(string DossierId, string Reason) : VacancyEvent;

/// <summary>
/// "admission-confirmed": the admitted dossier took the admission. Until then the filled place waits: a dossier that
/// could not take it (admitted elsewhere at the same moment) sends it back, and the place opens again.
/// </summary>
/// <param name="DossierId">The dossier.</param>
public sealed record AdmissionConfirmed(string DossierId) : VacancyEvent;

/// <summary>"vacancy-cancelled": the structure withdraws the place; pending candidates go back to the list.</summary>
/// <param name="Reason">Why.</param>
public sealed record VacancyCancelled(string Reason) : VacancyEvent;

/// <summary>
/// "delivery-failed" (raised by the runtime): a dossier did not take an event this vacancy sent it. A dossier that
/// refuses a proposal (it has a pending candidacy elsewhere: it is the last word on invariant 3, or it has ended)
/// withdraws that candidacy, and the place asks for a top-up.
/// </summary>
/// <param name="TargetInstanceId">The dossier.</param>
/// <param name="SentEventName">The event sent.</param>
/// <param name="Reason">Why it was not applied.</param>
public sealed record CandidacyNotDelivered(string TargetInstanceId, string SentEventName, string Reason) : VacancyEvent;
