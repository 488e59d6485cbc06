namespace Guichet.Domain.Placement;

/// <summary>The read models the vacancy workflow projects (Project effects), by table name. Rows are flat; enums and dates as their wire spelling.</summary>
public static class PlacementReadModels
{
    /// <summary>Every vacancy, by structure (PK structure id, RK vacancy id): <see cref="VacancyRow"/>; open slots tell a sweep what to top up.</summary>
    public const string Vacancies = "Vacancies";

    /// <summary>
    /// Every candidacy, by structure (PK structure id, RK candidacy id): <see cref="CandidacyRow"/>, what
    /// <c>GET /structures/{structureId}/candidacies</c> lists and what the observatory counts (overdue, refusals by family).
    /// </summary>
    public const string Candidacies = "Candidacies";
}

/// <summary>A vacancy as its structure's list shows it.</summary>
public sealed record VacancyRow(
    string VacancyId,
    string StructureId,
    string StructureName,
    string Device,
    string Department,
    string Features,
    string AvailableFrom,
    string Status,
    int Pending,
    int OpenSlots,
    int Proposed,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? EndedAt,
    string? FilledBy);

/// <summary>A candidacy as its structure's list shows it, and as the observatory counts it.</summary>
public sealed record CandidacyRow(
    string CandidacyId,
    string VacancyId,
    string StructureId,
    string DossierId,
    string Device,
    int Rank,
    int GridVersion,
    string Status,
    DateTimeOffset ProposedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? OverdueAt,
    DateTimeOffset? DecidedAt,
    string? Code,
    string? Family,
    string? Justification,
    string? RecommendedOrientation,
    string? EntryDate,
    bool Late);
