using System.Text.Json.Serialization;

namespace Guichet.Domain.Placement;

/// <summary>
/// The state of one free place: its candidacies, every proposal the matching made for it (with the grid version and
/// why dossiers above the candidates were passed over), and its end. Its status is derived.
/// </summary>
/// <param name="Id">The vacancy's id (its instance id).</param>
/// <param name="Place">The place.</param>
/// <param name="StructureName">The structure's name, for alerts.</param>
/// <param name="DeclaredAt">When the structure declared it.</param>
/// <param name="Candidacies">Every candidacy, in the order proposed.</param>
/// <param name="Proposals">The latest proposals (<see cref="ProposalsKept"/> at most), in order.</param>
public sealed record Vacancy(string Id, FreePlace Place, string StructureName, DateTimeOffset DeclaredAt, IReadOnlyList<Candidacy> Candidacies, IReadOnlyList<Proposal> Proposals)
{
    /// <summary>How many of its latest proposals a vacancy keeps: each candidacy keeps its own rank and grid version.</summary>
    public const int ProposalsKept = 20;

    /// <summary>The latest matching that found no compatible candidate, until one is proposed: when, with which grid, and why none fit.</summary>
    public UnmatchedSearch? Unmatched { get; init; }

    /// <summary>How it ended (filled or cancelled), once it has.</summary>
    public VacancyEnd? End { get; init; }

    /// <summary>The status, derived.</summary>
    [JsonIgnore]
    public VacancyStatus Status => End?.Status ?? (Candidacies.Any(c => c.IsPending) ? VacancyStatus.AwaitingAnswers : VacancyStatus.AwaitingCandidates);

    /// <summary>How many more candidates it may take now: three less those pending, none once ended.</summary>
    [JsonIgnore]
    public int OpenSlots => End is null ? Matching.CandidatesPerPlace - Candidacies.Count(c => c.IsPending) : 0;

    /// <summary>How many times a dossier is proposed here at most, when its proposals never reached the person.</summary>
    public const int ProposalsPerDossier = 2;

    /// <summary>
    /// The dossiers proposed here for good, not to propose again: every candidacy's but those that never reached the
    /// person (the dossier did not take the proposal: it was busy elsewhere or had ended), which leave the dossier free
    /// to be proposed here later, <see cref="ProposalsPerDossier"/> times in all: a dossier that keeps refusing (a merge
    /// pending with no end) would otherwise be proposed here again at every matching. An answer (refusal, admission,
    /// overdue, declined) keeps it out.
    /// </summary>
    [JsonIgnore]
    public IReadOnlySet<string> ProposedDossiers =>
        Candidacies.GroupBy(c => c.DossierId, StringComparer.Ordinal)
            .Where(g => g.Count() >= ProposalsPerDossier || g.Any(c => c.Outcome is not { NotDelivered: true }))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The latest candidacy of <paramref name="dossierId"/> (the only one that may be open), or null.</summary>
    public Candidacy? CandidacyOf(string dossierId) => Candidacies.LastOrDefault(c => c.DossierId == dossierId);

    /// <summary>The candidacy of id <paramref name="candidacyId"/>, or null.</summary>
    public Candidacy? CandidacyById(string candidacyId) => Candidacies.FirstOrDefault(c => c.Id == candidacyId);

    /// <summary>
    /// The id of a new candidacy of <paramref name="dossierId"/> here: "{vacancy id}~{dossier id}" the first time,
    /// "…~2", "…~3" when the dossier is proposed again after proposals it never took, so that ids stay unique.
    /// </summary>
    public string NextCandidacyId(string dossierId) =>
        Candidacies.Count(c => c.DossierId == dossierId) is var earlier and > 0 ? $"{Id}~{dossierId}~{earlier + 1}" : $"{Id}~{dossierId}";
}

/// <summary>A proposal of the matching, as the vacancy recorded it.</summary>
/// <param name="At">When.</param>
/// <param name="By">Who made it (the matching, or a person).</param>
/// <param name="Match">What the matching proposed, and why it passed dossiers over.</param>
public sealed record Proposal(DateTimeOffset At, string? By, MatchResult Match);

/// <summary>How a vacancy ended.</summary>
/// <param name="Status">Filled or cancelled.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, in French.</param>
/// <param name="FilledBy">The dossier admitted, when filled.</param>
public sealed record VacancyEnd(VacancyStatus Status, DateTimeOffset At, string Reason, string? FilledBy)
{
    /// <summary>Whether the admitted dossier took the admission: the vacancy completes then, not before.</summary>
    public bool Confirmed { get; init; }

    /// <summary>Whether nothing can change the vacancy any more: cancelled, or filled and confirmed.</summary>
    [JsonIgnore]
    public bool IsFinal => Status != VacancyStatus.Filled || Confirmed;
}

/// <summary>A matching that found no compatible candidate for the place.</summary>
/// <param name="At">When the vacancy recorded it.</param>
/// <param name="GridVersion">The priority grid version of the ranking read.</param>
/// <param name="RankedAt">The instant of that ranking.</param>
/// <param name="Waiting">How many dossiers the device's list held.</param>
/// <param name="PassedOver">Why none fit: how many dossiers for each reason.</param>
public sealed record UnmatchedSearch(DateTimeOffset At, int GridVersion, DateTimeOffset RankedAt, int Waiting, SkippedSummary PassedOver);
