using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guichet.Runtime.Instances;

/// <summary>
/// Chains history entries with a keyed hash: each entry's hash is HMAC-SHA256, under the runtime's history key,
/// of the entry's canonical bytes, which include the hash before it; the state row keeps the last sequence and
/// hash. An entry changed, removed or cut off the end is detected (unless the state row is set back with the cut: see
/// the remarks), and without the key nobody can seal a changed entry again: a plain SHA-256 of the same bytes, or an
/// HMAC under another key, does not verify.
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
/// <para>
/// Each entry also records the id of the key that sealed it (<see cref="KeyIdOf"/>), outside the bytes the hash covers:
/// it only says which key to check the entry with, so that the key can be rotated (new entries sealed with the new key,
/// older ones still verified with the retired one), and a verification that lacks a key says which.
/// </para>
/// <para>
/// A known limit: the chain ends where the state row says (its last sequence and hash), and the state row is in the
/// same table. Whoever can write that table can cut the end of a history off and set the state row back to the entry
/// before the cut, consistently: the shorter chain verifies. Only an anchor kept outside the table (the last hash
/// published elsewhere from time to time, an append-only log) shows that; the table alone cannot.
/// </para>
/// </remarks>
internal sealed class HistoryChain
{
    private const string Version = "guichet.history.v1";
    private readonly byte[] _key;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    /// <summary>A chain that seals with <paramref name="key"/> and also verifies entries sealed with the <paramref name="retired"/> keys.</summary>
    public HistoryChain(byte[] key, IEnumerable<byte[]>? retired = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, RuntimeOptions.MinHistoryKeyBytes, nameof(key));
        _key = [.. key];
        KeyId = KeyIdOf(_key);
        foreach (var old in retired ?? [])
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(old.Length, RuntimeOptions.MinHistoryKeyBytes, nameof(retired));
            _keys.TryAdd(KeyIdOf(old), [.. old]);
        }

        _keys[KeyId] = _key;
    }

    /// <summary>The id of the key new entries are sealed with.</summary>
    public string KeyId { get; }

    /// <summary>A key's id: the first 8 hex digits (lower case) of its SHA-256, which tell keys apart and give nothing of them away.</summary>
    public static string KeyIdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];

    public HistoryEntry Seal(HistoryEntry entry) => entry with { Hash = Compute(entry), KeyId = KeyId };

    /// <summary>The hash of an entry under the key new entries are sealed with.</summary>
    public string Compute(HistoryEntry entry) => Convert.ToHexString(HMACSHA256.HashData(_key, Canonical(entry)));

    /// <summary>
    /// Whether an entry's hash is the HMAC of its content under the key it names (an entry that names none is from before
    /// key ids and was sealed with the current key), compared in constant time; the key id this chain lacks, if so.
    /// </summary>
    public bool Verifies(HistoryEntry entry, out string? missingKeyId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        missingKeyId = null;
        if (!_keys.TryGetValue(entry.KeyId ?? KeyId, out var key))
        {
            missingKeyId = entry.KeyId;
            return false;
        }

        Span<byte> stored = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var parsed = Convert.FromHexString(entry.Hash, stored, out _, out var written) == System.Buffers.OperationStatus.Done && written == stored.Length;
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, Canonical(entry)), stored) && parsed;
    }

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
