using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guichet.Runtime.Instances;

/// <summary>
/// Chains history entries with a keyed hash: each entry's hash is HMAC-SHA256, under the runtime's history key,
/// of the entry's canonical bytes, which include the hash before it; the state row keeps the last sequence and
/// hash. An entry changed, removed or cut off the end is detected, and without the key nobody can seal a changed
/// entry again: a plain SHA-256 of the same bytes, or an HMAC under another key, does not verify.
/// </summary>
/// <remarks>
/// The canonical form (version 1) depends on no serializer. It is a sequence of fields, each written as one tag
/// byte, its length as a 4-byte big-endian signed integer (-1 for a null value, which has no bytes), then its
/// bytes; texts are UTF-8. The fields, in this order:
/// 0 the constant <c>guichet.history.v1</c>;
/// 1 <see cref="HistoryEntry.Sequence"/> and 13 <see cref="HistoryEntry.WorkflowVersion"/>, in invariant decimal digits;
/// 2 <see cref="HistoryEntry.At"/> in UTC as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>;
/// 3 <see cref="HistoryEntry.Kind"/> and 12 <see cref="HistoryEntry.RuntimeStatus"/>, by their enum member names;
/// 4 name, 5 event id, 6 actor, 7 reason, 8 correlation id, 10 status before, 11 status after, as given;
/// 9 the payload, as the exact bytes stored in its row (UTF-8 JSON as received), or null;
/// 14 the number of effects in decimal digits, then each effect as its own field 15, in order;
/// 16 <see cref="HistoryEntry.PreviousHash"/> (upper-case hex, empty for the first entry).
/// The hash is the HMAC in upper-case hex. A test pins a fixed entry's digest, so a change of this form is a
/// deliberate new version, never an accident.
/// </remarks>
internal sealed class HistoryChain
{
    private const string Version = "guichet.history.v1";
    private readonly byte[] _key;

    public HistoryChain(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, RuntimeOptions.MinHistoryKeyBytes, nameof(key));
        _key = [.. key];
    }

    public HistoryEntry Seal(HistoryEntry entry) => entry with { Hash = Compute(entry) };

    public string Compute(HistoryEntry entry) => Convert.ToHexString(HMACSHA256.HashData(_key, Canonical(entry)));

    /// <summary>The bytes the hash covers, as the remarks of this class define them.</summary>
    public static byte[] Canonical(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        Write(stream, 0, Version);
        Write(stream, 1, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(stream, 2, entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        Write(stream, 3, entry.Kind.ToString());
        Write(stream, 4, entry.Name);
        Write(stream, 5, entry.EventId);
        Write(stream, 6, entry.Actor);
        Write(stream, 7, entry.Reason);
        Write(stream, 8, entry.CorrelationId);
        Write(stream, 9, entry.Payload is { } payload ? HistoryRows.PayloadBytes(payload) : null);
        Write(stream, 10, entry.StatusBefore);
        Write(stream, 11, entry.StatusAfter);
        Write(stream, 12, entry.RuntimeStatus.ToString());
        Write(stream, 13, entry.WorkflowVersion.ToString(CultureInfo.InvariantCulture));
        Write(stream, 14, entry.Effects.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var effect in entry.Effects)
        {
            Write(stream, 15, effect);
        }

        Write(stream, 16, entry.PreviousHash);
        return stream.ToArray();
    }

    private static void Write(MemoryStream stream, byte tag, string? text) =>
        Write(stream, tag, text is null ? null : Encoding.UTF8.GetBytes(text));

    private static void Write(MemoryStream stream, byte tag, byte[]? bytes)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = tag;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes?.Length ?? -1);
        stream.Write(header);
        if (bytes is not null)
        {
            stream.Write(bytes);
        }
    }
}
