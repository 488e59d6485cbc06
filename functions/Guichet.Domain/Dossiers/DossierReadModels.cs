using System.Text.Json;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// The read models the dossier workflow projects (Project effects), by table name. Rows are flat: lists are
/// written as comma-separated wire spellings, enums as their wire spelling.
/// </summary>
public static class DossierReadModels
{
    /// <summary>Every request a dossier holds, by prescriber (PK prescriber id, RK externalRef): <see cref="DossierRequestRow"/>.</summary>
    public const string Requests = "DossierRequests";

    /// <summary>Readings to do (PK "medical" or "social", RK dossier id): <see cref="PendingReadingRow"/>.</summary>
    public const string PendingReadings = "PendingReadings";

    /// <summary>Dossiers with both readings eligible, waiting for a commission (PK device, RK dossier id): <see cref="AwaitingCommissionRow"/>.</summary>
    public const string AwaitingCommission = "AwaitingCommission";

    /// <summary>Admissible dossiers, what ranks them and what groups them (PK device, RK dossier id): <see cref="WaitingListRow"/>.</summary>
    public const string WaitingList = "WaitingList";

    /// <summary>Possible matches a person must review (PK "pending", RK "{dossier id}~{other id}"): <see cref="DuplicateReviewRow"/>.</summary>
    public const string DuplicateReviews = "DuplicateReviews";
}

/// <summary>One request and the dossier that holds it: what a prescriber finds by its externalRef.</summary>
public sealed record DossierRequestRow(string DossierId, string Device, string Status, DateTimeOffset SubmittedAt, string? Reason);

/// <summary>A reading to do.</summary>
public sealed record PendingReadingRow(string DossierId, string Device, DateTimeOffset FirstRequestAt, string PrescriberName, string Status);

/// <summary>A dossier ready for a commission's agenda.</summary>
public sealed record AwaitingCommissionRow(string DossierId, string Device, DateTimeOffset ReadingsCompletedAt, DateTimeOffset FirstRequestAt, string? SessionId);

/// <summary>
/// A dossier on the waiting list: the ranking's inputs and the preview's groups, flat. It holds pathology groups, not
/// the diagnoses, and its requests (<see cref="WaitingRequest"/>, as JSON) so that a prescriber's own dossiers are
/// found on the list itself.
/// </summary>
public sealed record WaitingListRow(
    string DossierId,
    string Device,
    DateTimeOffset FirstRequestAt,
    DateTimeOffset AdmissibleAt,
    int MedicalSeverity,
    int SocialVulnerability,
    string Housing,
    string? FollowedInRegionSince,
    string AnchoringDepartments,
    string WishedDepartments,
    string? PriorityOverride,
    string Sex,
    int BirthYear,
    string PathologyGroups,
    string CareNeeds,
    bool Partner,
    int Children,
    bool Pets,
    string Requests)
{
    /// <summary>"waiting-list", or "proposed" while a candidacy awaits a structure's answer (the matching passes it over).</summary>
    public string? Status { get; init; }
}

/// <summary>A possible match to review.</summary>
public sealed record DuplicateReviewRow(string DossierId, string OtherDossierId, string Device, string Reasons, DateTimeOffset FoundAt);

/// <summary>A request a waiting dossier holds: whose it is, by the prescriber's reference.</summary>
public sealed record WaitingRequest(string PrescriberId, string ExternalRef)
{
    /// <summary>The requests of a waiting-list row.</summary>
    public static IReadOnlyList<WaitingRequest> Of(WaitingListRow row) =>
        JsonSerializer.Deserialize<WaitingRequest[]>((row ?? throw new ArgumentNullException(nameof(row))).Requests, JsonSerializerOptions.Web) ?? [];

    /// <summary>The row's form of a dossier's requests.</summary>
    public static string ToRow(IEnumerable<DossierRequest> requests) => ToRow(requests.Select(r => new WaitingRequest(r.Prescriber.Id, r.ExternalRef)));

    /// <summary>The row's form of requests.</summary>
    public static string ToRow(IEnumerable<WaitingRequest> requests) => JsonSerializer.Serialize(requests, JsonSerializerOptions.Web);
}
