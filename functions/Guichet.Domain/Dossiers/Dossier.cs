using System.Text.Json.Serialization;
using Guichet.Domain.Commissions;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// The state of one dossier: one person, one device (invariant 1). Its status is derived (<see cref="Status"/>),
/// never stored. The medical reading and the requests' medical parts are for medical roles only: whoever shows a
/// dossier strips them for the others.
/// </summary>
/// <param name="Id">The dossier's id (its instance id).</param>
/// <param name="Device">The device asked for.</param>
/// <param name="Requests">Every request joined in this dossier, the one it was opened from first; merged ones after.</param>
/// <param name="FirstRequestAt">The earliest request date of all its requests: seniority counts from it.</param>
/// <param name="PossibleDuplicates">Possible matches not yet reviewed.</param>
/// <param name="Medical">The medical reading, once recorded.</param>
/// <param name="Social">The social reading, once recorded.</param>
/// <param name="ReadingsCompletedAt">When the second eligible reading was recorded: the commission's cut-off compares it.</param>
/// <param name="Information">The open request for information, while one runs.</param>
/// <param name="Commission">The commission's part: the agenda that holds it (no verdict yet), or the last decision taken (an adjourned dossier keeps its adjournment until the next agenda takes it).</param>
/// <param name="End">How it ended, once it has.</param>
public sealed record Dossier(
    string Id,
    Device Device,
    IReadOnlyList<DossierRequest> Requests,
    DateTimeOffset FirstRequestAt,
    IReadOnlyList<PossibleDuplicate> PossibleDuplicates,
    MedicalReading? Medical,
    SocialReading? Social,
    DateTimeOffset? ReadingsCompletedAt,
    InformationRequest? Information,
    CommissionOutcome? Commission,
    DossierEnd? End)
{
    /// <summary>The request the dossier was opened from.</summary>
    [JsonIgnore]
    public DossierRequest FirstRequest => Requests[0];

    /// <summary>The lifecycle status, derived from the state.</summary>
    [JsonIgnore]
    public DossierStatus Status => DossierLifecycle.StatusOf(this);

    /// <summary>When the dossier was opened (its instance started), which is when its possible duplicates were found.</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>
    /// The questions put to the prescriber and answered, oldest first, each with its answer: what the reader who
    /// asked reads before doing the reading again.
    /// </summary>
    public IReadOnlyList<InformationRequest> Answered { get; init; } = [];

    /// <summary>
    /// The requests their prescribers withdrew while the dossier went on for the others' requests, oldest first:
    /// history, no longer part of the dossier (nor of its request date).
    /// </summary>
    public IReadOnlyList<WithdrawnRequest> Withdrawals { get; init; } = [];

    /// <summary>The dossiers a person reviewed as another person's (kept apart): never listed again as possible duplicates.</summary>
    public IReadOnlyList<string> KeptApart { get; init; } = [];

    /// <summary>The merge under way into another dossier, until that one accepts or refuses the requests handed over.</summary>
    public PendingMerge? MergingInto { get; init; }

    /// <summary>
    /// The candidacies that still hold this dossier, oldest first: at most one pending (invariant 3), and those overdue,
    /// which a late answer may still end (an admission included).
    /// </summary>
    public IReadOnlyList<DossierCandidacy> Candidacies { get; init; } = [];

    /// <summary>Where and when the person was admitted, once admitted.</summary>
    public Admission? Admission { get; init; }

    /// <summary>The periodic confirmation of a dossier on the waiting list, from the day it entered it.</summary>
    public WaitingConfirmation? Confirmation { get; init; }

    /// <summary>
    /// The structures' refusals this dossier received, oldest first, with their contests and reviews: kept after the
    /// candidacy ended, so that a prescriber or the guichet can contest them and the ARS review them.
    /// </summary>
    public IReadOnlyList<DossierRefusal> Refusals { get; init; } = [];

    /// <summary>The candidacy awaiting the structure's answer, if any.</summary>
    [JsonIgnore]
    public DossierCandidacy? PendingCandidacy => Candidacies.FirstOrDefault(c => !c.Overdue);
}

/// <summary>A request its prescriber withdrew from a dossier that went on for other requests.</summary>
/// <param name="Request">The request.</param>
/// <param name="At">When it was withdrawn.</param>
/// <param name="Reason">Why, as its prescriber reads it.</param>
public sealed record WithdrawnRequest(DossierRequest Request, DateTimeOffset At, string Reason);

/// <summary>A merge sent to the surviving dossier and not yet answered.</summary>
/// <param name="DossierId">The survivor.</param>
/// <param name="Reason">The end's reason once the survivor accepts, as the prescribers read it.</param>
/// <param name="At">When the merge was decided.</param>
public sealed record PendingMerge(string DossierId, string Reason, DateTimeOffset At);

/// <summary>A question put to the prescriber, with its deadline.</summary>
/// <param name="AskedBy">Who asks: a reading, or the commission.</param>
/// <param name="Question">What is asked.</param>
/// <param name="AskedAt">When.</param>
/// <param name="DueAt">The deadline to answer, after which the dossier closes as incomplete.</param>
/// <param name="Answers">The answers given so far to this question.</param>
public sealed record InformationRequest(string AskedBy, string Question, DateTimeOffset AskedAt, DateTimeOffset DueAt, IReadOnlyList<string> Answers);

/// <summary>Where the dossier is with the commission.</summary>
/// <param name="SessionId">The session whose agenda holds it, or that decided it.</param>
/// <param name="Verdict">The decision, or null while on the agenda undecided.</param>
/// <param name="Code">The non-admissibility code, when not admissible.</param>
/// <param name="Justification">The justification, when not admissible or adjourned.</param>
/// <param name="PriorityOverride">The commission's reason to rank it ahead of the grid's order, when it did.</param>
/// <param name="DecidedAt">When the decision was recorded.</param>
public sealed record CommissionOutcome(
    string SessionId,
    CommissionVerdict? Verdict,
    NonAdmissibilityCode? Code,
    string? Justification,
    string? PriorityOverride,
    DateTimeOffset? DecidedAt);

/// <summary>How a dossier ended.</summary>
/// <param name="Status">The final status: not admissible, withdrawn, closed, merged (admitted and expired come with placement).</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, in words the prescriber reads.</param>
/// <param name="MergedInto">The surviving dossier, when merged.</param>
public sealed record DossierEnd(DossierStatus Status, DateTimeOffset At, string Reason, string? MergedInto);
