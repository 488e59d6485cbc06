namespace Guichet.Domain.Placement;

/// <summary>A reminder or an overdue alert about a candidacy, put on <see cref="Queue"/> for a structure or the ARS.</summary>
/// <param name="Kind"><see cref="Reminder"/> or <see cref="Overdue"/>.</param>
/// <param name="Recipient"><see cref="Structure"/> or <see cref="Ars"/>.</param>
/// <param name="StructureId">The structure.</param>
/// <param name="VacancyId">The vacancy.</param>
/// <param name="CandidacyId">The candidacy.</param>
/// <param name="DossierId">The candidate's dossier.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="Text">What the recipient reads, in French.</param>
public sealed record PlacementAlert(string Kind, string Recipient, string StructureId, string VacancyId, string CandidacyId, string DossierId, DateTimeOffset DueAt, string Text)
{
    /// <summary>The outbound queue.</summary>
    public const string Queue = "placement-alerts";

    /// <summary>The deadline is near.</summary>
    public const string Reminder = "candidacy-reminder";

    /// <summary>The deadline passed without an answer.</summary>
    public const string Overdue = "candidacy-overdue";

    /// <summary>An admission the dossier could not take (admitted elsewhere at the same moment): the place is free again.</summary>
    public const string AdmissionUndone = "admission-undone";

    /// <summary>The ARS overturned the structure's refusal of a candidacy, on a contest: it no longer counts as a refusal.</summary>
    public const string RefusalOverturned = "refusal-overturned";

    /// <summary>The structure that must answer.</summary>
    public const string Structure = "structure";

    /// <summary>The regional health agency, which monitors delays.</summary>
    public const string Ars = "ars";
}
