using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;

namespace Guichet.Host.Instances;

/// <summary>
/// The guichet's own workflows, whose events the instance API does not raise: their deciders trust their events,
/// so they come only through the business routes, which check roles and organisations, and from the runtime itself
/// (timers, other instances). Raised here, an administrator could decide for a commission or read for a physician.
/// </summary>
internal static class BusinessWorkflows
{
    /// <summary>For each such workflow type, where its events come from, in French.</summary>
    private static readonly Dictionary<string, string> Routes = new(StringComparer.Ordinal)
    {
        [DossierDecider.TypeName] =
            "les routes /api/dossiers/{id}/… (withdraw, information, readings/medical, readings/social, duplicates/{otherId}) " +
            "et POST /api/commissions/{sessionId}/decisions pour les décisions de commission",
        [CommissionSessionDecider.TypeName] = "POST /api/commissions/{sessionId}/decisions et POST /api/commissions/{sessionId}/close",
        [VacancyDecider.TypeName] = "le rapprochement et les réponses des structures, que le guichet émet lui-même",
        [StayDecider.TypeName] = "POST /api/stays/{stayId}/exit et POST /api/stays/{stayId}/renewals",
    };

    /// <summary>The business routes of <paramref name="workflowType"/>'s events, or null for a workflow the instance API may raise on.</summary>
    public static string? RoutesOf(string workflowType) => Routes.GetValueOrDefault(workflowType);
}
