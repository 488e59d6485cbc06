using Guichet.Domain.Ranking;

namespace Guichet.Host.WaitingList;

/// <summary>A device's waiting list, ranked with the grid in force (invariant 6), as the caller may see it.</summary>
/// <param name="Device">The device.</param>
/// <param name="GridVersion">The grid version that ranked it.</param>
/// <param name="RankedAt">The instant seniority and anchoring were counted at.</param>
/// <param name="Total">How many dossiers the device's list holds (a prescriber sees its own only, ranked among all).</param>
/// <param name="Dossiers">The dossiers shown, best first.</param>
public sealed record WaitingListResponse(string Device, int GridVersion, DateTimeOffset RankedAt, int Total, IReadOnlyList<WaitingListEntry> Dossiers);

/// <summary>
/// One dossier's place on the list. No medical field is shown: the medical severity appears only as the points of
/// its explanation line, to the roles that see explanations (see <see cref="WaitingListApi"/>).
/// </summary>
/// <param name="Rank">Its rank among all the device's dossiers, from 1.</param>
/// <param name="DossierId">The dossier.</param>
/// <param name="FirstRequestAt">Its first request date, the first tie-break.</param>
/// <param name="AdmissibleAt">When the commission declared it admissible.</param>
/// <param name="Score">Its score; null for a role that does not see explanations.</param>
/// <param name="Explanation">Criterion, value and points per section, summing to the score; null for a role that does not see them.</param>
/// <param name="PriorityOverride">The commission's reason to rank it ahead of the grid's order, when it did (such dossiers come first).</param>
/// <param name="ExternalRefs">For a prescriber: its own references of the requests the dossier holds.</param>
/// <param name="SimilarWait">For a prescriber: the median wait of similar dossiers.</param>
/// <param name="ConfirmationDueAt">When the prescriber's next confirmation that the person still waits is due.</param>
public sealed record WaitingListEntry(
    int Rank,
    string DossierId,
    DateTimeOffset FirstRequestAt,
    DateTimeOffset AdmissibleAt,
    int? Score,
    IReadOnlyList<ExplanationLine>? Explanation,
    string? PriorityOverride,
    IReadOnlyList<string>? ExternalRefs = null,
    SimilarWait? SimilarWait = null,
    DateTimeOffset? ConfirmationDueAt = null);

/// <summary>
/// The median wait of the dossiers similar to one (the law ELAN tells an applicant the average wait for similar
/// requests): same device, same band of ten points of score, the dossier itself left out; the wait runs from the
/// first request to being declared admissible. Under <see cref="SimilarWaits.MinimumSimilar"/> similar dossiers
/// nothing is given, so that no one can be singled out.
/// </summary>
/// <param name="ScoreFrom">The band's lowest score.</param>
/// <param name="ScoreTo">The band's highest score.</param>
/// <param name="MedianDays">The median wait in days, rounded; null when too few dossiers are similar.</param>
/// <param name="Note">Why no median is given, in French.</param>
public sealed record SimilarWait(int ScoreFrom, int ScoreTo, int? MedianDays, string? Note);
