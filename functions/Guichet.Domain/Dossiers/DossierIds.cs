using System.Security.Cryptography;
using System.Text;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// A dossier's id follows from the request it is opened from, so that a request delivered twice, or handled
/// again after a crash, opens the same dossier (the runtime's start is idempotent on the id).
/// </summary>
public static class DossierIds
{
    /// <summary>"D-" and 20 base-32 characters (100 bits) of the SHA-256 of the request's key.</summary>
    public static string For(IntakeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key.PrescriberId}\n{key.ExternalRef}"));
        return "D-" + Base32(hash)[..20];
    }

    private static string Base32(byte[] bytes)
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return text.ToString();
    }
}
