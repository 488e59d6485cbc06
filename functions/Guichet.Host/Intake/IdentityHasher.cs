using System.Security.Cryptography;
using System.Text;
using Guichet.Domain;

namespace Guichet.Host.Intake;

/// <summary>
/// The keyed hash of an identity's blocking keys (DESIGN §7): HMAC-SHA256 of <c>"{device}|{blocking key}"</c> with the
/// secret <see cref="IntakeSettings.IdentityHashKey"/>, in lowercase hex. Without the secret, the index cannot be
/// searched for a name, nor a name guessed from it.
/// </summary>
internal sealed class IdentityHasher(byte[] key)
{
    /// <summary>The hash under which <paramref name="blockingKey"/> of a person is indexed for <paramref name="device"/>.</summary>
    public string Hash(Device device, string blockingKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{WireName.Of(device)}|{blockingKey}")));
}
