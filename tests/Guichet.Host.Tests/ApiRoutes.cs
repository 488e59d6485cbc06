using Guichet.Host.Security;

namespace Guichet.Host.Tests;

/// <summary>
/// Every route under <c>/api</c>, with who may call it. A route mapped without an entry here fails
/// <see cref="AuthorizationMatrixTests.EveryMappedApiRoute_HasAnEntryInTheMatrix"/>.
/// </summary>
public static class ApiRoutes
{
    private static readonly string[] Admin = [Roles.ArsAdmin];
    private static readonly string[] Prescriber = [Roles.Prescriber];
    private static readonly string[] DossierReaders = [Roles.Prescriber, Roles.MedicalReader, Roles.SocialReader, Roles.Commission, Roles.ArsAdmin];
    private static readonly string[] Reviewers = [Roles.MedicalReader, Roles.SocialReader, Roles.ArsAdmin];
    private static readonly string[] GridReaders = [Roles.ArsAdmin, Roles.Commission, Roles.MedicalReader, Roles.SocialReader, Roles.Observatory];
    private static readonly string[] WaitingList = [Roles.Prescriber, Roles.Commission, Roles.ArsAdmin, Roles.MedicalReader, Roles.SocialReader];
    private static readonly string[] CommissionOrAdmin = [Roles.Commission, Roles.ArsAdmin];
    private static readonly string[] StructuresOrAdmin = [Roles.Structure, Roles.ArsAdmin];

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("GET", "/api/dossiers/{id}", "/api/dossiers/matrix-1", DossierReaders),
        new("GET", "/api/dossiers", "/api/dossiers?externalRef=matrix-1", Prescriber),
        new("POST", "/api/dossiers/{id}/withdraw", "/api/dossiers/matrix-1/withdraw", [Roles.Prescriber, Roles.ArsAdmin]),
        new("GET", "/api/dossiers/{id}/event-outcome", "/api/dossiers/matrix-1/event-outcome?eventId=e1", DossierReaders),
        new("POST", "/api/dossiers/{id}/information", "/api/dossiers/matrix-1/information", Prescriber),
        new("GET", "/api/dossiers/duplicates", "/api/dossiers/duplicates", Reviewers),
        new("POST", "/api/dossiers/{id}/duplicates/{otherId}", "/api/dossiers/matrix-1/duplicates/matrix-2", Reviewers),
        new("GET", "/api/readings/pending", "/api/readings/pending?kind=medical", [Roles.MedicalReader, Roles.ArsAdmin]),
        new("POST", "/api/dossiers/{id}/readings/medical", "/api/dossiers/matrix-1/readings/medical", [Roles.MedicalReader]),
        new("POST", "/api/dossiers/{id}/readings/social", "/api/dossiers/matrix-1/readings/social", [Roles.SocialReader]),
        new("GET", "/api/instances", "/api/instances", Admin),
        new("GET", "/api/instances/{instanceId}", "/api/instances/matrix-1", Admin),
        new("GET", "/api/instances/{instanceId}/history", "/api/instances/matrix-1/history", Admin),
        new("GET", "/api/instances/{instanceId}/history/verification", "/api/instances/matrix-1/history/verification", Admin),
        new("POST", "/api/instances/{instanceId}/events/{name}", "/api/instances/matrix-1/events/add", Admin),
        new("GET", "/api/instances/{instanceId}/event-outcome", "/api/instances/matrix-1/event-outcome?eventId=e1", Admin),
        new("POST", "/api/instances/{instanceId}/terminate", "/api/instances/matrix-1/terminate?reason=test", Admin),
        new("POST", "/api/instances/{instanceId}/suspend", "/api/instances/matrix-1/suspend", Admin),
        new("POST", "/api/instances/{instanceId}/resume", "/api/instances/matrix-1/resume", Admin),
        new("POST", "/api/instances/{instanceId}/rewind", "/api/instances/matrix-1/rewind?reason=test", Admin),
        new("POST", "/api/instances/{instanceId}/retry", "/api/instances/matrix-1/retry?reason=test", Admin),
        new("DELETE", "/api/instances/{instanceId}", "/api/instances/matrix-1", Admin),
        new("GET", "/api/dead-letters/{queue}", "/api/dead-letters/workflow-events", Admin),
        new("POST", "/api/dead-letters/{queue}/replay", "/api/dead-letters/workflow-events/replay", Admin),
        new("GET", "/api/config/priority-grid", "/api/config/priority-grid", GridReaders),
        new("PUT", "/api/config/priority-grid", "/api/config/priority-grid", Admin),
        new("POST", "/api/config/priority-grid/{version}/activate", "/api/config/priority-grid/999/activate", Admin),
        new("GET", "/api/config/priority-grid/{version}/preview", "/api/config/priority-grid/999/preview?device=ACT", Admin),
        new("GET", "/api/waiting-list", "/api/waiting-list?device=ACT", WaitingList),
        new("GET", "/api/commissions", "/api/commissions?device=ACT", CommissionOrAdmin),
        new("POST", "/api/commissions", "/api/commissions?device=LAM", Admin),
        new("GET", "/api/commissions/{sessionId}", "/api/commissions/matrix-1", CommissionOrAdmin),
        new("POST", "/api/commissions/{sessionId}/decisions", "/api/commissions/matrix-1/decisions", [Roles.Commission]),
        new("GET", "/api/commissions/{sessionId}/event-outcome", "/api/commissions/matrix-1/event-outcome?eventId=e1", CommissionOrAdmin),
        new("POST", "/api/commissions/{sessionId}/close", "/api/commissions/matrix-1/close", CommissionOrAdmin),
        new("GET", "/api/structures", "/api/structures", Roles.All),
        new("GET", "/api/structures/{structureId}", "/api/structures/ars-idf", Roles.All),
        new("PUT", "/api/structures/{structureId}", "/api/structures/matrix-1", Admin),
        new("POST", "/api/structures/{structureId}/vacancies", "/api/structures/ars-idf/vacancies", StructuresOrAdmin),
        new("GET", "/api/structures/{structureId}/vacancies", "/api/structures/ars-idf/vacancies", StructuresOrAdmin),
        new("GET", "/api/structures/{structureId}/vacancies/{vacancyId}", "/api/structures/ars-idf/vacancies/matrix-1", StructuresOrAdmin),
        new("GET", "/api/structures/{structureId}/vacancies/{vacancyId}/skipped/{recordKey}", "/api/structures/ars-idf/vacancies/matrix-1/skipped/k1", Admin),
        new("POST", "/api/structures/{structureId}/vacancies/{vacancyId}/withdraw", "/api/structures/ars-idf/vacancies/matrix-1/withdraw", StructuresOrAdmin),
        new("GET", "/api/structures/{structureId}/candidacies", "/api/structures/ars-idf/candidacies", StructuresOrAdmin),
        new("GET", "/api/candidacies", "/api/candidacies?status=overdue", Admin),
        new("GET", "/api/candidacies/overdue/count", "/api/candidacies/overdue/count?from=2026-01-01", [Roles.ArsAdmin]),
        new("POST", "/api/candidacies/{candidacyId}/decision", "/api/candidacies/matrix-1~d-1/decision", [Roles.Structure]),
        new("GET", "/api/candidacies/{candidacyId}/candidate", "/api/candidacies/matrix-1~d-1/candidate", StructuresOrAdmin),
        new("GET", "/api/vacancies/{vacancyId}/proposals", "/api/vacancies/matrix-1/proposals", CommissionOrAdmin),
        new("GET", "/api/candidacies/{candidacyId}/event-outcome", "/api/candidacies/matrix-1~d-1/event-outcome?eventId=e1", [Roles.Structure]),
        new("GET", "/api/structures/{structureId}/stays", "/api/structures/ars-idf/stays", StructuresOrAdmin),
        new("POST", "/api/stays/{stayId}/exit", "/api/stays/matrix-1/exit", StructuresOrAdmin),
        new("POST", "/api/stays/{stayId}/renewals", "/api/stays/matrix-1/renewals", [Roles.Structure, Roles.MedicalReader]),
        new("POST", "/api/dossiers/{id}/confirmation", "/api/dossiers/matrix-1/confirmation", [Roles.Prescriber, Roles.ArsAdmin]),
        new("GET", "/api/dossiers/awaiting-confirmation", "/api/dossiers/awaiting-confirmation", Admin),
        new("POST", "/api/dossiers/{id}/refusals/{candidacyId}/contest", "/api/dossiers/matrix-1/refusals/v-1~matrix-1/contest", [Roles.Prescriber, Roles.ArsAdmin]),
        new("POST", "/api/dossiers/{id}/refusals/{candidacyId}/review", "/api/dossiers/matrix-1/refusals/v-1~matrix-1/review", Admin),
        new("GET", "/api/refusals/contested", "/api/refusals/contested?status=pending", Admin),
    ];

    /// <summary>Who calls: every role, an authenticated caller with no role, and nobody.</summary>
    public static readonly IReadOnlyList<string> Callers = [.. Roles.All, NoRole, Anonymous];

    public const string NoRole = "(no role)";
    public const string Anonymous = "(anonymous)";
}
