using System.Text.Json.Serialization;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Placement;

/// <summary>One dossier proposed for one free place, with its 15-day clock and its outcome.</summary>
/// <param name="Id">
/// Its id, "{vacancy id}~{dossier id}" ("…~2" for a dossier proposed there again after a proposal it never took): the
/// route <c>/candidacies/{id}</c> reaches its vacancy by it.
/// </param>
/// <param name="DossierId">The dossier proposed.</param>
/// <param name="Rank">The dossier's rank on the waiting list when proposed.</param>
/// <param name="Score">Its score then.</param>
/// <param name="GridVersion">The grid version of that ranking.</param>
/// <param name="ProposedAt">When it was sent to the structure.</param>
/// <param name="RemindAt">When the structure is reminded, if it has not answered.</param>
/// <param name="DueAt">When it becomes overdue without an answer (invariant 5).</param>
public sealed record Candidacy(string Id, string DossierId, int Rank, int Score, int GridVersion, DateTimeOffset ProposedAt, DateTimeOffset RemindAt, DateTimeOffset DueAt)
{
    /// <summary>When the structure was reminded, once.</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>The instant it became overdue (its deadline), once; kept whatever its outcome, so that the observatory counts it.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>How it ended, once it has.</summary>
    public CandidacyOutcome? Outcome { get; init; }

    /// <summary>The status, derived: the outcome's, else overdue or pending.</summary>
    [JsonIgnore]
    public CandidacyStatus Status => Outcome?.Status ?? (OverdueAt is null ? CandidacyStatus.Pending : CandidacyStatus.Overdue);

    /// <summary>Whether it still holds its dossier (invariant 3: one pending candidacy per dossier, three per place).</summary>
    [JsonIgnore]
    public bool IsPending => Status == CandidacyStatus.Pending;

    /// <summary>Whether it has no outcome yet (pending or overdue): a structure may still answer it.</summary>
    [JsonIgnore]
    public bool IsOpen => Outcome is null;
}

/// <summary>How a candidacy ended.</summary>
/// <param name="Status">Admitted, refused, or one of the ends that are not refusals.</param>
/// <param name="At">When.</param>
/// <param name="By">Who decided, when a person did.</param>
/// <param name="EntryDate">The entry date, when admitted.</param>
/// <param name="Code">The refusal code, when refused.</param>
/// <param name="Justification">The refusal's justification, or why it ended otherwise.</param>
/// <param name="RecommendedOrientation">Where the structure recommends sending the person, for a not-eligible refusal.</param>
/// <param name="Late">Whether the answer came after the deadline.</param>
public sealed record CandidacyOutcome(
    CandidacyStatus Status,
    DateTimeOffset At,
    string? By,
    DateOnly? EntryDate,
    RefusalCode? Code,
    string? Justification,
    Orientation? RecommendedOrientation,
    bool Late)
{
    /// <summary>Whether the dossier never took the proposal (busy elsewhere, or ended): withdrawn before it reached the person, so it does not keep the dossier out of the place.</summary>
    public bool NotDelivered { get; init; }
}
