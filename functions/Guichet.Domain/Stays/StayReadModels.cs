namespace Guichet.Domain.Stays;

/// <summary>The read model of stays: every stay by structure (PK structure id, RK stay id), what <c>GET /structures/{id}/stays</c> lists.</summary>
public static class StayReadModels
{
    /// <summary>The table of <see cref="StayRow"/>.</summary>
    public const string Stays = "Stays";
}

/// <summary>A stay as its structure's list shows it; no medical content (the opinions stay in the instance).</summary>
public sealed record StayRow(
    string StayId,
    string StructureId,
    string StructureName,
    string DossierId,
    string VacancyId,
    string Device,
    string EntryDate,
    string? PlannedEnd,
    int Renewals,
    string Status,
    DateTimeOffset StartedAt,
    string? ExitDate,
    string? Destination,
    string? NextVacancyId);
