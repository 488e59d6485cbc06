using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Guichet.Host.Security;

/// <summary>
/// The local development issuer: HS256 tokens signed with <c>Auth__DevelopmentSigningKey</c>, carrying the
/// same claims as Entra ID access tokens (<c>sub</c>, <c>name</c>, <c>roles</c>) plus <c>org</c>. The API
/// validates them exactly as it validates Entra ID tokens: issuer, audience, lifetime and signature.
/// </summary>
public static class DevelopmentIssuer
{
    /// <summary>The issuer (<c>iss</c>) of development tokens.</summary>
    public const string Issuer = "https://localhost/guichet-dev";

    /// <summary>The shortest signing key accepted, in UTF-8 bytes (HS256 needs 256 bits).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Whether a key is long enough to sign with.</summary>
    public static bool IsUsableKey(string? key) => key is not null && Encoding.UTF8.GetByteCount(key) >= MinimumKeyBytes;

    /// <summary>The symmetric key for a configured signing key; throws when it is too short.</summary>
    public static SymmetricSecurityKey SigningKey(string? key)
    {
        if (!IsUsableKey(key))
        {
            throw new ArgumentException($"The development signing key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key!)) { KeyId = "guichet-dev" };
    }

    /// <summary>Issues a signed token for <paramref name="audience"/>, valid from now for the token's lifetime.</summary>
    public static string Issue(DevelopmentToken token, string audience, string signingKey, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [GuichetClaims.Subject] = token.Subject,
            [GuichetClaims.Name] = token.Name,
            [GuichetClaims.Roles] = token.Roles.ToArray(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (!string.IsNullOrWhiteSpace(token.Org))
        {
            claims[GuichetClaims.Org] = token.Org;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + token.Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
