using System.Security.Claims;
using Guichet.Domain.Dossiers;
using Guichet.Host.Security;

namespace Guichet.Host.Instances;

/// <summary>
/// A dossier instance's input, output and event payloads hold the person's identity and health data (requests,
/// medical readings). The instance API is the ARS administrators', who are not a medical role (DESIGN §7): it shows
/// them only to a caller who also holds <c>reader.medical</c>; the dossier routes show each role its own part.
/// </summary>
internal static class HealthData
{
    private static readonly HashSet<string> WorkflowTypes = new(StringComparer.Ordinal) { DossierDecider.TypeName };

    /// <summary>Whether the payloads of an instance of <paramref name="workflowType"/> are hidden from <paramref name="caller"/>.</summary>
    public static bool IsHiddenFrom(string workflowType, ClaimsPrincipal caller) =>
        WorkflowTypes.Contains(workflowType) && !caller.IsInRole(Roles.MedicalReader);
}
