namespace Guichet.Domain.Placement;

// What a vacancy tells a dossier (SendEvent payloads): events of the dossier workflow, under the names of
// VacancyEventNames. The dossier is the last word on invariant 3 and refuses a second pending candidacy, which comes
// back to the vacancy as CandidacyNotDelivered.

/// <summary>"candidacy-proposed": the dossier is proposed for a place; it is then proposed (one pending candidacy at a time).</summary>
/// <param name="CandidacyId">The candidacy.</param>
/// <param name="VacancyId">The vacancy.</param>
/// <param name="StructureId">The structure.</param>
/// <param name="StructureName">The structure's name, for the prescriber.</param>
/// <param name="DueAt">When the structure must have answered.</param>
public sealed record CandidacyProposed(string CandidacyId, string VacancyId, string StructureId, string StructureName, DateTimeOffset DueAt) : Dossiers.DossierEvent;

/// <summary>
/// "candidacy-ended": the candidacy no longer holds the dossier: admitted (it leaves the list), refused, overdue, place
/// filled by another candidate, or withdrawn (it goes back to the waiting list, seniority intact). A late answer to an
/// overdue candidacy is told too.
/// </summary>
/// <param name="CandidacyId">The candidacy.</param>
/// <param name="VacancyId">The vacancy.</param>
/// <param name="Status">How it ended (or overdue).</param>
/// <param name="EntryDate">The entry date, when admitted.</param>
/// <param name="Code">The refusal code, when refused.</param>
/// <param name="Justification">The justification, or why it ended otherwise.</param>
/// <param name="Late">Whether the structure answered after the deadline.</param>
/// <param name="RecommendedOrientation">Where the structure recommends sending the person, for a not-eligible refusal (the dossier keeps it with the refusal).</param>
public sealed record CandidacyEnded(
    string CandidacyId, string VacancyId, CandidacyStatus Status, DateOnly? EntryDate, RefusalCode? Code, string? Justification, bool Late, Readings.Orientation? RecommendedOrientation = null)
    : Dossiers.DossierEvent;
