using System.Security.Cryptography;
using System.Text;
using Guichet.Host.Security;

namespace Guichet.Host.Instances;

/// <summary>
/// The de-duplication id of an event raised over HTTP. An <c>Idempotency-Key</c> is scoped by its caller, so that
/// another caller choosing the same key on the same instance is not taken for a retry and has its event applied.
/// </summary>
public static class CallerEventIds
{
    /// <summary>
    /// <c>http:{caller}:{key}</c>, the caller being a hash of its stable identity (<c>oid</c>, else <c>sub</c>): fixed
    /// length, so that no caller and key can spell another's id; a fresh id for each call without a key.
    /// </summary>
    public static string For(HttpContext http, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (idempotencyKey is null)
        {
            return "http:" + Guid.NewGuid().ToString("N");
        }

        var subject = http.User.FindFirst(GuichetClaims.ObjectId)?.Value ?? http.User.FindFirst(GuichetClaims.Subject)?.Value ?? "";
        var caller = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)), 0, 16);
        return $"http:{caller}:{idempotencyKey}";
    }
}
