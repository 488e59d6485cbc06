using Guichet.Runtime.Instances;

namespace Guichet.Runtime.Queues;

/// <summary>
/// Raises the events of <see cref="WorkflowEventMessage"/>s on their instances. A malformed message or one the
/// runtime refuses (invalid id, payload too large, ended instance, an event the workflow does not know or whose
/// payload does not bind, an event its decider rejects) is dead-lettered at once with the reason, never retried;
/// an unknown instance fails with "instance not found" and is retried (it may be created meanwhile) until it is dead-lettered.
/// </summary>
public sealed class WorkflowEventsHandler(WorkflowRuntime runtime) : IQueueMessageHandler
{
    /// <summary>The queue the host listens to with this handler.</summary>
    public const string QueueName = "workflow-events";

    /// <inheritdoc />
    public async Task HandleAsync(QueueMessageContext message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parsed = WorkflowEventMessage.Parse(message.Text);
        var context = new RequestContext(parsed.Actor, parsed.CorrelationId ?? message.CorrelationId);
        RaiseOutcome outcome;
        try
        {
            outcome = await runtime.RaiseEventAsync(parsed.InstanceId, parsed.EventName, parsed.Payload, parsed.EventId, context, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new PoisonMessageException($"Workflow event refused: {ex.Message}", ex);
        }

        switch (outcome.Result)
        {
            case RaiseResult.NotFound:
                throw new InvalidOperationException($"instance not found: '{parsed.InstanceId}'.");
            case RaiseResult.Finished:
                throw new PoisonMessageException($"Workflow event refused: {outcome.Reason ?? $"instance '{parsed.InstanceId}' has ended ({outcome.Status?.RuntimeStatus})."}");
            case RaiseResult.Invalid or RaiseResult.Rejected:
                throw new PoisonMessageException($"Workflow event refused by instance '{parsed.InstanceId}': {outcome.Reason}");
        }
    }
}
