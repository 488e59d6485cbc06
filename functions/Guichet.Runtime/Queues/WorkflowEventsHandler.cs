using Guichet.Runtime.Instances;

namespace Guichet.Runtime.Queues;

/// <summary>
/// Raises the events of <see cref="WorkflowEventMessage"/>s on their instances. A malformed message or one the
/// runtime refuses (invalid id, payload too large, ended instance, an event the workflow does not know or whose
/// payload does not bind, an event its decider rejects) is dead-lettered at once with the reason, never retried;
/// an unknown instance fails with "instance not found" and is retried (it may be created meanwhile) until it is dead-lettered.
/// An event the instance buffers (suspended, busy) and refuses later is dead-lettered then, by the step that refuses it.
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
        var context = new RequestContext(parsed.Actor, parsed.CorrelationId ?? message.CorrelationId, DeadLetterOnRefusal(message, parsed));
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

    /// <summary>
    /// The dead letter a refusal after buffering puts on the queue's poison queue, listed and replayable like any other;
    /// the reason the instance gave is in its history. None when the envelope is too long to send (such an event is
    /// then only in the instance's history).
    /// </summary>
    private RefusalReply? DeadLetterOnRefusal(QueueMessageContext message, WorkflowEventMessage parsed)
    {
        var reason = $"Workflow event '{parsed.EventName}' ({parsed.EventId}) was buffered by instance '{parsed.InstanceId}', then refused when its turn came: the reason is in the instance's history.";
        var letter = new DeadLetter(message.Queue, message.MessageId, message.Text, reason, message.DequeueCount, runtime.Time.GetUtcNow(), message.InsertedOn);
        var envelope = DeadLetters.Envelope(letter);
        return QueueNames.IsValid(QueueNames.Poison(message.Queue)) && System.Text.Encoding.UTF8.GetByteCount(envelope) <= RefusalReply.MaxBodyBytes
            ? new RefusalReply(QueueNames.Poison(message.Queue), envelope)
            : null;
    }
}
