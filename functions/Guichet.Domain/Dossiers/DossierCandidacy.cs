namespace Guichet.Domain.Dossiers;

/// <summary>A candidacy as the dossier holds it: the place it was proposed for, until the candidacy ends.</summary>
/// <param name="CandidacyId">The candidacy ("{vacancy id}~{dossier id}").</param>
/// <param name="VacancyId">The vacancy.</param>
/// <param name="StructureId">The structure.</param>
/// <param name="StructureName">The structure's name, as the prescriber reads it.</param>
/// <param name="ProposedAt">When the dossier took the proposal.</param>
/// <param name="DueAt">When the structure must have answered.</param>
/// <param name="Overdue">Whether the deadline passed without an answer: the dossier is available again, a late answer still counts.</param>
public sealed record DossierCandidacy(string CandidacyId, string VacancyId, string StructureId, string StructureName, DateTimeOffset ProposedAt, DateTimeOffset DueAt, bool Overdue);

/// <summary>Where a person was admitted.</summary>
/// <param name="StructureId">The structure.</param>
/// <param name="StructureName">Its name.</param>
/// <param name="VacancyId">The place (vacancy) filled.</param>
/// <param name="EntryDate">The entry date the structure gave.</param>
/// <param name="At">When the admission was recorded.</param>
public sealed record Admission(string StructureId, string StructureName, string VacancyId, DateOnly EntryDate, DateTimeOffset At);
