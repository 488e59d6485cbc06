using Guichet.Domain.Commissions;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

// The events of the dossier workflow: one record per event name (the names are in DossierDecider.Events, the
// wire contract of POST /instances/{id}/events/{name} and of the history).

/// <summary>What may happen to a dossier.</summary>
public abstract record DossierEvent;

/// <summary>"request-updated": a later message with the same prescriber and externalRef replaces that request's content.</summary>
/// <param name="Request">The request as now sent.</param>
public sealed record RequestUpdated(DossierRequest Request) : DossierEvent;

/// <summary>
/// "request-merged": another request for the same person and device joins this dossier (invariant 1): the
/// earliest request date is kept and both prescribers are told.
/// </summary>
/// <param name="Request">The other request.</param>
/// <param name="FromDossierId">The dossier it came from when that one is closed as merged; null when merged at intake.</param>
/// <param name="Reason">Why they are the same person (the match's reasons, or the reviewer's decision).</param>
public sealed record RequestMerged(DossierRequest Request, string? FromDossierId, string Reason) : DossierEvent;

/// <summary>"merged-into": this dossier is the same person's as an older active one; it closes as merged and hands its requests over.</summary>
/// <param name="DossierId">The dossier that survives.</param>
/// <param name="Reason">Why they are the same person.</param>
public sealed record MergedInto(string DossierId, string Reason) : DossierEvent;

/// <summary>"duplicate-reviewed": a person decided on a possible match: merge this dossier into the other, or keep them apart.</summary>
/// <param name="OtherDossierId">The dossier of the possible match.</param>
/// <param name="Merge">True to merge this dossier into the other; false to keep them apart.</param>
/// <param name="Reason">Why, as the reviewer says it.</param>
public sealed record DuplicateReviewed(string OtherDossierId, bool Merge, string Reason) : DossierEvent;

/// <summary>"medical-reading-recorded": the medical reader's verdict and assessment.</summary>
/// <param name="Reading">The reading.</param>
public sealed record MedicalReadingRecorded(MedicalReading Reading) : DossierEvent;

/// <summary>"social-reading-recorded": the social reader's verdict and assessment.</summary>
/// <param name="Reading">The reading.</param>
public sealed record SocialReadingRecorded(SocialReading Reading) : DossierEvent;

/// <summary>"information-provided": the prescriber answers what was asked.</summary>
/// <param name="Answer">The answer, free text.</param>
public sealed record InformationProvided(string Answer) : DossierEvent;

/// <summary>"information-reminder" (a timer): the deadline to answer is near; the prescriber is reminded.</summary>
public sealed record InformationReminderDue : DossierEvent;

/// <summary>"information-deadline" (a timer): no answer in time; the dossier closes as incomplete.</summary>
public sealed record InformationDeadlineDue : DossierEvent;

/// <summary>"put-on-agenda": a commission session took the dossier on its agenda.</summary>
/// <param name="SessionId">The session's instance id.</param>
public sealed record PutOnAgenda(string SessionId) : DossierEvent;

/// <summary>"commission-decided": the session's decision on this dossier, sent by the session instance.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Verdict">Admissible, not admissible, or adjourned.</param>
/// <param name="Code">The non-admissibility code (required when not admissible).</param>
/// <param name="Justification">Why (required unless admissible).</param>
/// <param name="PriorityOverride">The commission's reason to rank this dossier ahead of the grid's order, when it does so.</param>
public sealed record CommissionDecided(
    string SessionId,
    CommissionVerdict Verdict,
    NonAdmissibilityCode? Code,
    string? Justification,
    string? PriorityOverride) : DossierEvent;

/// <summary>
/// "withdrawn": a prescriber withdraws its requests, at any stage before an end; the dossier ends only when it holds
/// no other request. Without a prescriber (the ARS, for the guichet), the whole dossier is withdrawn.
/// </summary>
/// <param name="Reason">Why.</param>
/// <param name="PrescriberId">The prescriber whose requests are withdrawn; null withdraws the whole dossier.</param>
public sealed record Withdrawn(string Reason, string? PrescriberId = null) : DossierEvent;

/// <summary>
/// "dossier-merged": another dossier of the same person hands all its requests over to this one, in one step, so
/// that they join together or not at all. This one answers with "merge-accepted"; a refusal reaches the sender.
/// </summary>
/// <param name="FromDossierId">The dossier that hands its requests over; it ends as merged once this one accepts.</param>
/// <param name="Requests">Its requests.</param>
/// <param name="Reason">Why they are the same person.</param>
/// <param name="Progress">How far the sender had gone (none from a sender of an older version), which this one takes when further than its own.</param>
public sealed record DossierMerged(string FromDossierId, IReadOnlyList<DossierRequest> Requests, string Reason, DossierProgress? Progress = null) : DossierEvent;

/// <summary>
/// "possible-duplicates-found": an update of one of its requests changed the person's identity, and intake found
/// other active dossiers that may be the same person's: they are listed for a person's review, never merged silently.
/// </summary>
/// <param name="Duplicates">The possible matches, with their reasons.</param>
public sealed record PossibleDuplicatesFound(IReadOnlyList<PossibleDuplicate> Duplicates) : DossierEvent;

/// <summary>"merge-accepted": the survivor holds the requests this dossier handed over; this one ends as merged into it.</summary>
/// <param name="DossierId">The survivor.</param>
public sealed record MergeAccepted(string DossierId) : DossierEvent;

/// <summary>
/// "delivery-failed" (raised by the runtime): an event this dossier sent was not applied (its target has ended,
/// does not exist, or refused it). A hand-over refused leaves this dossier open with its requests.
/// </summary>
/// <param name="TargetInstanceId">The dossier the event was sent to.</param>
/// <param name="SentEventName">The event sent.</param>
/// <param name="Reason">Why it was not applied.</param>
public sealed record EventNotDelivered(string TargetInstanceId, string SentEventName, string Reason) : DossierEvent;

/// <summary>
/// "waiting-confirmed": a prescriber of one of the dossier's requests, or the guichet (the ARS, after a call), confirms
/// that the person still waits for a place; the next confirmation is due a period later.
/// </summary>
/// <param name="Note">What the one who confirms adds, if anything.</param>
/// <param name="PrescriberId">The prescriber who confirms; null for the guichet.</param>
public sealed record WaitingConfirmed(string? Note, string? PrescriberId = null) : DossierEvent;

/// <summary>"confirmation-reminder" (a timer): the confirmation's date is near; the prescribers are reminded.</summary>
public sealed record ConfirmationReminderDue : DossierEvent;

/// <summary>"confirmation-due" (a timer): the date passed unconfirmed; the prescribers and the guichet are asked again.</summary>
public sealed record ConfirmationDue : DossierEvent;

/// <summary>"confirmation-deadline" (a timer): the grace after being asked again ran out; the dossier expires.</summary>
public sealed record ConfirmationDeadlineDue : DossierEvent;

/// <summary>
/// "refusal-contested": a prescriber of one of the dossier's requests, or the guichet, contests a structure's refusal;
/// it goes to the ARS review list.
/// </summary>
/// <param name="CandidacyId">The candidacy refused.</param>
/// <param name="Reason">Why it is contested.</param>
/// <param name="PrescriberId">The prescriber that contests; null for the guichet (an ARS administrator).</param>
public sealed record RefusalContested(string CandidacyId, string Reason, string? PrescriberId = null) : DossierEvent;

/// <summary>"refusal-reviewed": the ARS upholds or overturns a contested refusal, with a reason.</summary>
/// <param name="CandidacyId">The candidacy refused.</param>
/// <param name="Verdict">Uphold or overturn.</param>
/// <param name="Reason">Why.</param>
public sealed record RefusalReviewed(string CandidacyId, ContestVerdict Verdict, string Reason) : DossierEvent;
