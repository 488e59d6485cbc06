using System.Security.Cryptography;
using System.Text.Json;

namespace Guichet.Runtime.Instances;

/// <summary>
/// Chains history entries by hash: each entry's hash covers its content and the hash before it, and the
/// state row keeps the last sequence and hash, so an entry changed, removed or cut off the end is detected.
/// </summary>
internal static class HistoryChain
{
    public static HistoryEntry Seal(HistoryEntry entry) => entry with { Hash = Compute(entry) };

    public static string Compute(HistoryEntry entry)
    {
        object?[] content =
        [
            entry.Sequence, entry.At.UtcTicks, entry.Kind.ToString(), entry.Name, entry.EventId, entry.Actor,
            entry.Reason, entry.CorrelationId, entry.Payload?.GetRawText(), entry.StatusBefore, entry.StatusAfter,
            entry.RuntimeStatus.ToString(), entry.WorkflowVersion, entry.Effects, entry.PreviousHash,
        ];
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content)));
    }

    public static HistoryVerification Verify(IReadOnlyList<HistoryEntry> entries, long lastSequence, string lastHash)
    {
        var previous = string.Empty;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var problem = entry.Sequence != i + 1 ? $"entry {i + 1} is missing"
                : entry.PreviousHash != previous ? "its link to the entry before is broken"
                : Compute(entry) != entry.Hash ? "its content does not match its hash"
                : null;
            if (problem is not null)
            {
                return new(false, i, Math.Min(entry.Sequence, i + 1), $"Entry {Math.Min(entry.Sequence, i + 1)}: {problem}.");
            }

            previous = entry.Hash;
        }

        if (entries.Count != lastSequence || previous != lastHash)
        {
            return new(false, entries.Count, entries.Count + 1, $"The history ends at entry {entries.Count} but the instance recorded {lastSequence} entries.");
        }

        return new(true, entries.Count, null, null);
    }
}

/// <summary>The result of checking an instance's hash-chained history.</summary>
/// <param name="IsIntact">Whether every entry is present and unchanged.</param>
/// <param name="CheckedEntries">How many entries were found intact before the first problem.</param>
/// <param name="FirstBrokenSequence">The sequence of the first entry found changed or missing.</param>
/// <param name="Problem">What is wrong, in words.</param>
public sealed record HistoryVerification(bool IsIntact, long CheckedEntries, long? FirstBrokenSequence, string? Problem);
