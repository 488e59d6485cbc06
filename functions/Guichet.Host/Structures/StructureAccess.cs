using System.Security.Claims;
using Guichet.Host.Security;

namespace Guichet.Host.Structures;

/// <summary>Who may act for a structure: an ARS administrator, or one of its own users (role structure, <c>org</c> = its id).</summary>
internal static class StructureAccess
{
    /// <summary>Whether <paramref name="user"/> may act for <paramref name="structureId"/>.</summary>
    public static bool CanActFor(ClaimsPrincipal user, string structureId) =>
        user.IsInRole(Roles.ArsAdmin) || IsOwnStructure(user, structureId);

    /// <summary>Whether <paramref name="user"/> is a user of <paramref name="structureId"/> itself.</summary>
    public static bool IsOwnStructure(ClaimsPrincipal user, string structureId) =>
        user.IsInRole(Roles.Structure) && string.Equals(Caller.Org(user), structureId, StringComparison.Ordinal);
}
