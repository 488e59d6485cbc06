using System.Text.Json;
using Guichet.Domain.Placement;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Placement;

/// <summary>
/// The <c>vacancy-matching</c> queue trigger: a vacancy asks for candidates (declared, or a candidacy ended without an
/// admission); the matcher proposes them. The vacancy's message id is the event's id, so a message delivered twice
/// proposes once.
/// </summary>
internal sealed class MatchingHandler(VacancyMatcher matcher, ILogger<MatchingHandler> logger) : IQueueMessageHandler
{
    /// <summary>The queue vacancies ask on.</summary>
    public const string QueueName = MatchingRequested.Queue;

    /// <inheritdoc />
    public async Task HandleAsync(QueueMessageContext message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        MatchingRequested? request;
        string? messageId;
        try
        {
            using var document = JsonDocument.Parse(message.Text);
            request = document.RootElement.Deserialize<MatchingRequested>(WorkflowJson.Options);
            messageId = document.RootElement.TryGetProperty("messageId", out var id) ? id.GetString() : null;
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Matching request {MessageId} does not read; dropped", message.MessageId);
            return;
        }

        if (request?.VacancyId is not { Length: > 0 } vacancyId)
        {
            logger.LogWarning("Matching request {MessageId} names no vacancy; dropped", message.MessageId);
            return;
        }

        await matcher.MatchAsync(vacancyId, "matching:" + (messageId ?? message.MessageId), message.CorrelationId, cancellationToken);
    }
}
