namespace Guichet.Domain.Placement;

/// <summary>
/// The names of the vacancy workflow's events, and of those it sends to dossiers: the wire contract of its routes,
/// of the events between instances, and of the history.
/// </summary>
public static class VacancyEventNames
{
    /// <summary><see cref="Placement.CandidatesProposed"/>.</summary>
    public const string CandidatesProposed = "candidates-proposed";

    /// <summary><see cref="Placement.NoCandidateFound"/>.</summary>
    public const string NoCandidateFound = "no-candidate-found";

    /// <summary><see cref="Placement.CandidacyDecided"/>.</summary>
    public const string CandidacyDecided = "candidacy-decided";

    /// <summary><see cref="CandidacyClockDue"/>, a timer.</summary>
    public const string CandidacyClock = "candidacy-clock";

    /// <summary><see cref="Placement.AdmittedElsewhere"/>.</summary>
    public const string AdmittedElsewhere = "admitted-elsewhere";

    /// <summary><see cref="Placement.CandidateLeft"/>, sent by a dossier that ended (withdrawn, merged, closed) while proposed.</summary>
    public const string CandidateLeft = "candidate-left";

    /// <summary><see cref="Placement.AdmissionConfirmed"/>, sent by the dossier that took the admission.</summary>
    public const string AdmissionConfirmed = "admission-confirmed";

    /// <summary><see cref="Placement.VacancyCancelled"/>.</summary>
    public const string VacancyCancelled = "vacancy-cancelled";

    /// <summary><see cref="CandidacyNotDelivered"/>, raised by the runtime.</summary>
    public const string DeliveryFailed = Deciders.DeliveryFailed.EventName;

    /// <summary><see cref="Placement.CandidacyProposed"/>, sent to the dossier.</summary>
    public const string CandidacyProposed = "candidacy-proposed";

    /// <summary><see cref="Placement.CandidacyEnded"/>, sent to the dossier.</summary>
    public const string CandidacyEnded = "candidacy-ended";
}
