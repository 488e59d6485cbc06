namespace Guichet.Domain.Dossiers;

/// <summary>
/// The names of the dossier workflow's events: the wire contract of <c>POST /instances/{id}/events/{name}</c>,
/// of the events other instances send (intake, commission sessions) and of the history.
/// </summary>
public static class DossierEventNames
{
    /// <summary><see cref="RequestUpdated"/>.</summary>
    public const string RequestUpdated = "request-updated";

    /// <summary><see cref="RequestMerged"/>.</summary>
    public const string RequestMerged = "request-merged";

    /// <summary><see cref="MergedInto"/>.</summary>
    public const string MergedInto = "merged-into";

    /// <summary><see cref="DuplicateReviewed"/>.</summary>
    public const string DuplicateReviewed = "duplicate-reviewed";

    /// <summary><see cref="PossibleDuplicatesFound"/>, sent by intake after an update of a request.</summary>
    public const string PossibleDuplicatesFound = "possible-duplicates-found";

    /// <summary><see cref="MedicalReadingRecorded"/>.</summary>
    public const string MedicalReadingRecorded = "medical-reading-recorded";

    /// <summary><see cref="SocialReadingRecorded"/>.</summary>
    public const string SocialReadingRecorded = "social-reading-recorded";

    /// <summary><see cref="InformationProvided"/>.</summary>
    public const string InformationProvided = "information-provided";

    /// <summary><see cref="InformationReminderDue"/>, a timer.</summary>
    public const string InformationReminder = "information-reminder";

    /// <summary><see cref="InformationDeadlineDue"/>, a timer.</summary>
    public const string InformationDeadline = "information-deadline";

    /// <summary><see cref="PutOnAgenda"/>, sent by a commission session.</summary>
    public const string PutOnAgenda = "put-on-agenda";

    /// <summary><see cref="CommissionDecided"/>, sent by a commission session.</summary>
    public const string CommissionDecided = "commission-decided";

    /// <summary><see cref="Withdrawn"/>.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary><see cref="DossierMerged"/>, sent by the dossier that merges into this one.</summary>
    public const string DossierMerged = "dossier-merged";

    /// <summary><see cref="MergeAccepted"/>, sent by the survivor of a merge.</summary>
    public const string MergeAccepted = "merge-accepted";

    /// <summary><see cref="Placement.CandidacyProposed"/>, sent by a vacancy.</summary>
    public const string CandidacyProposed = Placement.VacancyEventNames.CandidacyProposed;

    /// <summary><see cref="Placement.CandidacyEnded"/>, sent by a vacancy.</summary>
    public const string CandidacyEnded = Placement.VacancyEventNames.CandidacyEnded;

    /// <summary><see cref="EventNotDelivered"/>, raised by the runtime.</summary>
    public const string DeliveryFailed = Deciders.DeliveryFailed.EventName;

    /// <summary><see cref="Dossiers.WaitingConfirmed"/>.</summary>
    public const string WaitingConfirmed = "waiting-confirmed";

    /// <summary><see cref="ConfirmationReminderDue"/>, a timer.</summary>
    public const string ConfirmationReminder = "confirmation-reminder";

    /// <summary><see cref="Dossiers.ConfirmationDue"/>, a timer.</summary>
    public const string ConfirmationDue = "confirmation-due";

    /// <summary><see cref="ConfirmationDeadlineDue"/>, a timer.</summary>
    public const string ConfirmationDeadline = "confirmation-deadline";

    /// <summary><see cref="RefusalContested"/>.</summary>
    public const string RefusalContested = "refusal-contested";

    /// <summary><see cref="RefusalReviewed"/>.</summary>
    public const string RefusalReviewed = "refusal-reviewed";
}
