using System.Text.Json;

namespace Guichet.Runtime.Queues;

/// <summary>A message of the <c>workflow-events</c> queue: an event to raise on a workflow instance.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="EventName">The event's name.</param>
/// <param name="EventId">Its de-duplication id: the same id delivered twice is applied once.</param>
/// <param name="Payload">Its payload, any JSON; absent is null.</param>
/// <param name="Actor">Who raises it, recorded in the history.</param>
/// <param name="CorrelationId">The correlation id; the message id when absent.</param>
public sealed record WorkflowEventMessage(string InstanceId, string EventName, string EventId, JsonElement? Payload, string? Actor, string? CorrelationId)
{
    /// <summary>The longest actor accepted.</summary>
    public const int MaxActorLength = 200;

    /// <summary>The longest correlation id accepted.</summary>
    public const int MaxCorrelationLength = 128;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a message, or throws <see cref="PoisonMessageException"/> naming what is wrong with it.</summary>
    public static WorkflowEventMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WorkflowEventMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<WorkflowEventMessage>(text, Json);
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException($"Malformed workflow event message: not the expected JSON object ({ex.Message}).", ex);
        }

        var missing = new[] { ("instanceId", message?.InstanceId), ("eventName", message?.EventName), ("eventId", message?.EventId) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => p.Item1)
            .ToList();
        if (missing.Count > 0 || message is null)
        {
            throw new PoisonMessageException($"Malformed workflow event message: {string.Join(", ", missing)} missing or empty.");
        }

        // Both are copied into every history entry and outbound message of the step: bounded, they can never make it too large.
        if (message.Actor is { Length: > MaxActorLength })
        {
            throw new PoisonMessageException($"Malformed workflow event message: actor exceeds {MaxActorLength} characters.");
        }

        if (message.CorrelationId is { } correlation && (correlation.Length is 0 or > MaxCorrelationLength || !correlation.All(Instances.InstanceIds.IsAllowed)))
        {
            throw new PoisonMessageException($"Malformed workflow event message: correlationId must be 1 to {MaxCorrelationLength} letters, digits or '-', '_', '.', ':', '@', '+'.");
        }

        return message;
    }
}
