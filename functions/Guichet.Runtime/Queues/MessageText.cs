using System.Text;
using System.Text.Json;

namespace Guichet.Runtime.Queues;

/// <summary>
/// The decoding rule of received messages, so that producers may send base64 (the Azure Functions default) or
/// plain text: a message whose text is valid base64 of UTF-8 JSON is decoded; any other text is taken as is.
/// Plain JSON is never valid base64 (braces, quotes), so a JSON message is read right either way.
/// </summary>
public static class MessageText
{
    /// <summary>The text of a received message, decoded when it is base64 of UTF-8 JSON.</summary>
    public static string Decode(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length == 0 || raw.Length % 4 != 0)
        {
            return raw;
        }

        var bytes = new byte[raw.Length / 4 * 3];
        if (!Convert.TryFromBase64String(raw, bytes, out var written))
        {
            return raw;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(0, written));
            return Encoding.UTF8.GetString(bytes, 0, written);
        }
        catch (JsonException)
        {
            return raw;
        }
    }

    /// <summary>The text to send for a message, encoded as asked.</summary>
    public static string Encode(string text, MessageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        return encoding == MessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
    }

    /// <summary>The <c>correlationId</c> string property of a JSON object text, or null.</summary>
    public static string? CorrelationId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().TrimStart().StartsWith("{"))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("correlationId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
