using System.Text;
using System.Text.RegularExpressions;
using System.Web;

namespace Guichet.Testing.AzureRules;

/// <summary>
/// The Queue service's rules: queue names, a message of at most 64 KiB as sent (the XML-escaped text, in UTF-8),
/// a visibility timeout of at most 7 days, and at most 32 messages per receive.
/// </summary>
internal static partial class QueueRules
{
    private const int MaxMessageBytes = 64 * 1024;
    private const int MaxVisibilitySeconds = 7 * 24 * 3600;

    /// <summary>The refusal of a request to a queue, or null; <paramref name="segments"/> follow the account's.</summary>
    public static Refusal? Check(string[] segments, string query, string? body)
    {
        if (segments.Length == 0)
        {
            return null;
        }

        var name = segments[0];
        if (name.Length is < 3 or > 63)
        {
            return Refusal.BadRequest("OutOfRangeInput", "The specified resource name length is not within the permissible limits.");
        }

        if (!QueueName().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            return Refusal.BadRequest("InvalidResourceName", "The specifed resource name contains invalid characters.");
        }

        var parameters = HttpUtility.ParseQueryString(query);
        if (long.TryParse(parameters["visibilitytimeout"], out var visibility) && visibility is < 0 or > MaxVisibilitySeconds
            || long.TryParse(parameters["numofmessages"], out var count) && count is < 1 or > 32)
        {
            return Refusal.BadRequest("OutOfRangeQueryParameterValue", "One of the query parameters specified in the request URI is outside the permissible range.");
        }

        var text = body is null ? null : MessageText().Match(body);
        return text is { Success: true } && Encoding.UTF8.GetByteCount(text.Groups[1].Value) > MaxMessageBytes ? Refusal.BodyTooLarge() : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex QueueName();

    [GeneratedRegex("<MessageText>(.*)</MessageText>", RegexOptions.Singleline)]
    private static partial Regex MessageText();
}
