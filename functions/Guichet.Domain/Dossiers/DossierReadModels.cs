using System.Text.Json;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// The read models the dossier workflow projects (Project effects), by table name. Rows are flat: lists are
/// written as comma-separated wire spellings, enums as their wire spelling.
/// </summary>
public static class DossierReadModels
{
    /// <summary>
    /// Every request, once per dossier that holds or held it, by prescriber (PK prescriber id, RK
    /// <see cref="RequestRowKey"/>): <see cref="DossierRequestRow"/>. A request handed over in a merge has the survivor's
    /// row beside the sender's (merged), never one row both write; <see cref="CurrentRequest"/> says which is current.
    /// </summary>
    public const string Requests = "DossierRequests";

    /// <summary>Readings to do (PK "medical" or "social", RK dossier id): <see cref="PendingReadingRow"/>.</summary>
    public const string PendingReadings = "PendingReadings";

    /// <summary>Dossiers with both readings eligible, waiting for a commission (PK device, RK dossier id): <see cref="AwaitingCommissionRow"/>.</summary>
    public const string AwaitingCommission = "AwaitingCommission";

    /// <summary>Admissible dossiers, what ranks them and what groups them (PK device, RK dossier id): <see cref="WaitingListRow"/>.</summary>
    public const string WaitingList = "WaitingList";

    /// <summary>Possible matches a person must review (PK "pending", RK "{dossier id}~{other id}"): <see cref="DuplicateReviewRow"/>.</summary>
    public const string DuplicateReviews = "DuplicateReviews";

    /// <summary>
    /// Waiting dossiers whose confirmation date passed unconfirmed: the guichet's list of prescribers to call before the
    /// dossiers expire (PK device, RK dossier id): <see cref="AwaitingConfirmationRow"/>.
    /// </summary>
    public const string AwaitingConfirmation = "AwaitingConfirmation";

    /// <summary>Contested refusals, the ARS review list (PK contest status, RK candidacy id): <see cref="ContestedRefusalRow"/>.</summary>
    public const string ContestedRefusals = "ContestedRefusals";

    /// <summary>The key of a request's row in one dossier: "{externalRef}|{dossier id}".</summary>
    public static string RequestRowKey(string externalRef, string dossierId) => $"{externalRef}|{dossierId}";

    /// <summary>The key range holding a request's rows, from every dossier that held it (and perhaps rows of longer references, which <see cref="CurrentRequest"/> leaves out).</summary>
    public static (string From, string To) RequestRowRange(string externalRef) => ($"{externalRef}|", $"{externalRef}}}");

    /// <summary>
    /// Of the rows read in a request's key range, the one that says where the request is now: the dossier that holds it;
    /// while its survivor's row is not written yet, the last dossier it was merged away from. Null when there is none.
    /// </summary>
    public static DossierRequestRow? CurrentRequest(string externalRef, IEnumerable<(string RowKey, DossierRequestRow Row)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var own = rows.Where(r => r.RowKey == RequestRowKey(externalRef, r.Row.DossierId)).Select(r => r.Row).ToList();
        var holders = own.Select(r => r.DossierId).ToHashSet(StringComparer.Ordinal);
        return own.Where(r => r.MergedInto is null || !holders.Contains(r.MergedInto))
            .OrderBy(r => r.MergedInto is not null)
            .ThenByDescending(r => r.SubmittedAt)
            .ThenBy(r => r.DossierId, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}

/// <summary>One request and a dossier that holds it, or held it until merged: what a prescriber finds by its externalRef.</summary>
/// <param name="DossierId">The dossier, the row's only writer.</param>
/// <param name="Device">The device, as on the wire.</param>
/// <param name="Status">The dossier's status, as on the wire ("merged" from the hand-over on).</param>
/// <param name="SubmittedAt">When the request was submitted.</param>
/// <param name="Reason">Why it is where it is.</param>
/// <param name="MergedInto">The dossier it was handed over to, once handed over; null otherwise.</param>
public sealed record DossierRequestRow(string DossierId, string Device, string Status, DateTimeOffset SubmittedAt, string? Reason, string? MergedInto = null);

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
    /// <summary>When its next confirmation by the prescriber is due.</summary>
    public DateTimeOffset? ConfirmationDueAt { get; init; }

    /// <summary>"waiting-list", or "proposed" while a candidacy awaits a structure's answer (the matching passes it over).</summary>
    public string? Status { get; init; }

    /// <summary>Whether one of its requests declares active substance use: a need of the place even when the medical reading leaves it out.</summary>
    public bool DeclaredSubstanceUse { get; init; }

    /// <summary>Whether one of its requests declares reduced mobility: a need of the place even when the medical reading leaves it out.</summary>
    public bool DeclaredReducedMobility { get; init; }
}

/// <summary>A waiting dossier asked again for its confirmation: whom to call, and by when.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Device">The device, as on the wire.</param>
/// <param name="Status">"waiting-list", or "proposed" (its expiry then waits for the candidacy's end).</param>
/// <param name="DueAt">The confirmation's date that passed.</param>
/// <param name="AskedAgainAt">When the prescribers and the guichet were asked again.</param>
/// <param name="ClosesAt">When the dossier expires unless confirmed.</param>
/// <param name="Prescribers">The names of its requests' prescribers, to call.</param>
/// <param name="Requests">Its requests (<see cref="WaitingRequest"/>, as JSON).</param>
public sealed record AwaitingConfirmationRow(string DossierId, string Device, string Status, DateTimeOffset DueAt, DateTimeOffset AskedAgainAt, DateTimeOffset ClosesAt, string Prescribers, string Requests);

/// <summary>A possible match to review.</summary>
public sealed record DuplicateReviewRow(string DossierId, string OtherDossierId, string Device, string Reasons, DateTimeOffset FoundAt);

/// <summary>A request a waiting dossier holds: whose it is, by the prescriber's reference.</summary>
public sealed record WaitingRequest(string PrescriberId, string ExternalRef)
{
    /// <summary>The requests of a waiting-list row.</summary>
    public static IReadOnlyList<WaitingRequest> Of(WaitingListRow row) => Of((row ?? throw new ArgumentNullException(nameof(row))).Requests);

    /// <summary>The requests of a row's <c>requests</c> column.</summary>
    public static IReadOnlyList<WaitingRequest> Of(string requests) =>
        JsonSerializer.Deserialize<WaitingRequest[]>(requests ?? throw new ArgumentNullException(nameof(requests)), JsonSerializerOptions.Web) ?? [];

    /// <summary>The row's form of a dossier's requests.</summary>
    public static string ToRow(IEnumerable<DossierRequest> requests) => ToRow(requests.Select(r => new WaitingRequest(r.Prescriber.Id, r.ExternalRef)));

    /// <summary>The row's form of requests.</summary>
    public static string ToRow(IEnumerable<WaitingRequest> requests) => JsonSerializer.Serialize(requests, JsonSerializerOptions.Web);
}
