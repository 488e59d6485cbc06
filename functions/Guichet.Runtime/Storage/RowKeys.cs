using System.Security.Cryptography;
using System.Text;

namespace Guichet.Runtime.Storage;

/// <summary>
/// The rows of an instance's partition: its state, its history, its processed event ids, its outbox and its
/// inbox. One partition per instance is what lets one entity group transaction commit them together.
/// </summary>
internal static class RowKeys
{
    public const string State = "state";
    public const string HistoryPrefix = "h|";
    public const string OutboxPrefix = "o|";
    public const string InboxPrefix = "i|";
    public const string EventPrefix = "e|";

    public static string History(long sequence) => $"{HistoryPrefix}{sequence:D10}";

    public static string Outbox(long sequence, int index) => $"{OutboxPrefix}{sequence:D10}|{index:D3}";

    /// <summary>The sequence of the step that wrote an outbox row.</summary>
    public static long OutboxSequence(string rowKey) =>
        long.Parse(rowKey.AsSpan(OutboxPrefix.Length, 10), System.Globalization.CultureInfo.InvariantCulture);

    public static string Inbox(long position) => $"{InboxPrefix}{position:D10}";

    /// <summary>Event ids come from outside and may hold any character, so the key is their hash.</summary>
    public static string Event(string eventId) =>
        EventPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));

    /// <summary>The exclusive upper bound of the keys starting with <paramref name="prefix"/>.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
