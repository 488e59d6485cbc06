using System.Security.Claims;

namespace Guichet.Host.Security;

/// <summary>Who is calling, as recorded in histories and audit logs.</summary>
public static class Caller
{
    /// <summary>
    /// The caller's stable identity (<c>oid</c>, else <c>sub</c>) with its display name when there is one,
    /// as <c>"Alice (3f2…)"</c>; null for an anonymous caller.
    /// </summary>
    public static string? Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = user.FindFirst(GuichetClaims.ObjectId)?.Value ?? user.FindFirst(GuichetClaims.Subject)?.Value;
        var name = user.FindFirst(GuichetClaims.Name)?.Value;
        return (name, id) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{name} ({id})",
            (_, { Length: > 0 }) => id,
            ({ Length: > 0 }, _) => name,
            _ => "unidentified",
        };
    }

    /// <summary>The caller's organisation (<c>org</c> claim), or null.</summary>
    public static string? Org(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(GuichetClaims.Org)?.Value;
    }

    /// <summary>The caller's application roles.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(GuichetClaims.Roles).Select(c => c.Value).ToList();
    }
}
