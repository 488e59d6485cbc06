using System.Text.Json;
using Guichet.Domain;
using Guichet.Domain.Intake;

namespace Guichet.Host.Intake;

/// <summary>
/// An intake message the guichet refused, with every reason (invariant 8): the row its prescriber reads
/// (<see cref="IntakeRejections.FindAsync"/>) and the body of its message on <c>dossiers-intake-rejected</c>.
/// </summary>
/// <param name="Id">The SHA-256 of the message's text (lowercase hex): the same message sent twice, plain or in base64, is one rejection.</param>
/// <param name="PrescriberId">The prescriber, when the message names one that can be a key.</param>
/// <param name="ExternalRef">The prescriber's reference, when the message names one that can be a key.</param>
/// <param name="Reasons">What is wrong, each with its JSON path and in French; the last says how many more were left out when there were too many.</param>
/// <param name="ReceivedAt">When the guichet first read it.</param>
/// <param name="Message">The message's text, cut to <see cref="MaxMessageLength"/> characters: on the queue only (empty as read from the row).</param>
public sealed record IntakeRejection(string Id, string? PrescriberId, string? ExternalRef, IReadOnlyList<Violation> Reasons, DateTimeOffset ReceivedAt, string Message)
{
    /// <summary>How much of the message's text is kept.</summary>
    public const int MaxMessageLength = 4_000;

    /// <summary>How many characters of serialized reasons are kept, so that the rejected message fits a queue message in base64.</summary>
    public const int MaxReasonsLength = 16 * 1024;

    /// <summary>
    /// The rejection of a message's <paramref name="text"/>, keyed by <paramref name="id"/>, with its prescriber and
    /// reference when the message names them as usable keys, its reasons bounded and its text cut.
    /// </summary>
    public static IntakeRejection Of(string id, string text, IReadOnlyList<Violation> reasons, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reasons);
        var (prescriberId, externalRef) = KeysOf(text);
        var message = text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength - 1), "…");
        return new(id, prescriberId, externalRef, Bounded(reasons), receivedAt, message);
    }

    private static List<Violation> Bounded(IReadOnlyList<Violation> reasons)
    {
        var kept = new List<Violation>();
        var length = 0;
        foreach (var reason in reasons)
        {
            length += JsonSerializer.Serialize(reason, IntakeJson.Options).Length;
            if (length > MaxReasonsLength)
            {
                kept.Add(new("$", $"… et {reasons.Count - kept.Count} autres erreurs non détaillées : corrigez celles-ci, puis renvoyez la demande."));
                break;
            }

            kept.Add(reason);
        }

        return kept;
    }

    /// <summary>The prescriber's id and reference of a message that may not be valid, each only if it is a usable table key.</summary>
    private static (string? PrescriberId, string? ExternalRef) KeysOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var externalRef = root.TryGetProperty("externalRef", out var reference) ? KeyOrNull(reference) : null;
            var prescriberId = root.TryGetProperty("prescriber", out var prescriber) && prescriber.ValueKind == JsonValueKind.Object && prescriber.TryGetProperty("id", out var id)
                ? KeyOrNull(id)
                : null;
            return (prescriberId, externalRef);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? KeyOrNull(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= IntakeValidation.MaxKeyLength } key && IntakeValidation.HasKeyCharacters(key)
            ? key
            : null;
}
