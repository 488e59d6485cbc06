using System.Text.Json.Serialization;
using Guichet.Domain.Placement;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// A structure's refusal the dossier received, kept once its candidacy has ended (the vacancy may have completed):
/// the dossier is what a prescriber or the guichet contests it on, and what the ARS reviews it on.
/// </summary>
/// <param name="CandidacyId">The candidacy refused ("{vacancy id}~{dossier id}").</param>
/// <param name="VacancyId">The vacancy.</param>
/// <param name="StructureId">The structure that refused.</param>
/// <param name="StructureName">Its name.</param>
/// <param name="Code">The refusal code of the nomenclature.</param>
/// <param name="Justification">The structure's justification.</param>
/// <param name="RecommendedOrientation">Where the structure recommends sending the person, for a not-eligible refusal.</param>
/// <param name="DueAt">The candidacy's deadline.</param>
/// <param name="At">When the dossier heard of it.</param>
/// <param name="Late">Whether the structure answered after the deadline.</param>
public sealed record DossierRefusal(
    string CandidacyId,
    string VacancyId,
    string StructureId,
    string StructureName,
    RefusalCode? Code,
    string? Justification,
    Orientation? RecommendedOrientation,
    DateTimeOffset DueAt,
    DateTimeOffset At,
    bool Late)
{
    /// <summary>The contest, once contested.</summary>
    public RefusalContest? Contest { get; init; }

    /// <summary>Whether the ARS overturned it: it no longer counts as a refusal (the observatory leaves it out).</summary>
    [JsonIgnore]
    public bool Annulled => Contest?.Review?.Verdict == ContestVerdict.Overturn;

    /// <summary>Where its contest stands, or null when not contested.</summary>
    [JsonIgnore]
    public ContestStatus? ContestStatus => Contest switch
    {
        null => null,
        { Review.Verdict: ContestVerdict.Overturn } => Dossiers.ContestStatus.Overturned,
        { Review.Verdict: ContestVerdict.Uphold } => Dossiers.ContestStatus.Upheld,
        _ => Dossiers.ContestStatus.Pending,
    };
}

/// <summary>A contest of a refusal, and the ARS's review once reviewed.</summary>
/// <param name="Reason">Why the refusal is contested.</param>
/// <param name="PrescriberId">The prescriber that contests; null for the guichet (an ARS administrator).</param>
/// <param name="At">When.</param>
/// <param name="Review">The review, once the ARS decided.</param>
public sealed record RefusalContest(string Reason, string? PrescriberId, DateTimeOffset At, RefusalReview? Review);

/// <summary>The ARS's review of a contested refusal.</summary>
/// <param name="Verdict">Uphold or overturn.</param>
/// <param name="Reason">Why, mandatory.</param>
/// <param name="At">When.</param>
public sealed record RefusalReview(ContestVerdict Verdict, string Reason, DateTimeOffset At);

/// <summary>What the ARS decides on a contested refusal.</summary>
public enum ContestVerdict
{
    /// <summary>The refusal stands ("uphold").</summary>
    [JsonStringEnumMemberName("uphold")]
    Uphold,

    /// <summary>The refusal is annulled ("overturn"); the candidate keeps their place with their seniority.</summary>
    [JsonStringEnumMemberName("overturn")]
    Overturn,
}

/// <summary>Where a contested refusal stands on the ARS review list.</summary>
public enum ContestStatus
{
    /// <summary>Waiting for the ARS's review ("pending").</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The ARS upheld the refusal ("upheld").</summary>
    [JsonStringEnumMemberName("upheld")]
    Upheld,

    /// <summary>The ARS overturned the refusal ("overturned").</summary>
    [JsonStringEnumMemberName("overturned")]
    Overturned,

    /// <summary>Not reviewed before the dossier ended (admitted, withdrawn, closed…): nothing left to review ("lapsed").</summary>
    [JsonStringEnumMemberName("lapsed")]
    Lapsed,
}
