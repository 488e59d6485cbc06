using System.Text.Json;
using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Workflows;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// An event this instance sent was not applied by its target, or was given up after <paramref name="attempts"/>:
    /// raised on the sender as <see cref="DeliveryFailed"/> when its catalog accepts it (true: the outbox row is then
    /// deleted by the dispatcher), else recorded in its history with the outbox row removed in the same step (false).
    /// Either way, nothing is dropped silently.
    /// </summary>
    internal async Task<bool> RecordDeliveryFailureAsync(string instanceId, OutboxItem item, string reason, int attempts, CancellationToken ct)
    {
        _logger.LogWarning("Event {EventName} from {InstanceId} not delivered: {Reason}", item.Name, instanceId, reason);
        // A notice of a refusal that could not be delivered in turn is only recorded: notices never answer notices.
        var sender = StepPlanner.IsNotice(item) ? null : await Store.LoadAsync(instanceId, ct);
        if (sender is not null && WorkflowOf(sender)?.Accepts(DeliveryFailed.EventName) == true)
        {
            var failure = JsonSerializer.SerializeToElement(new DeliveryFailed(item.Target, item.Name ?? "event", reason), WorkflowJson.Options);
            var notice = new WorkflowEvent(DeliveryFailed.EventName, failure, StepPlanner.NoticeId(item.Id!), EventOrigin.Instance, "runtime");
            var outcome = await ApplyEventAsync(instanceId, notice, item.CorrelationId, null, 0, ct);
            // A notice the sender ended, refused or could not bind is not handled: the failure goes to its history below.
            if (outcome.Result is not (RaiseResult.Finished or RaiseResult.NotFound or RaiseResult.Invalid or RaiseResult.Rejected))
            {
                return true;
            }
        }

        await RunStepAsync(instanceId, null, record => new(PlannerFor(record).DeliveryFailed(record, item, reason, attempts), RaiseResult.Applied), 0, ct);
        return false;
    }

    /// <summary>
    /// A message, timer or read-model row that was given up: recorded in its instance's history, with the reason and
    /// what it was, in the step that removes its outbox row (so the sweep no longer meets it).
    /// </summary>
    internal Task RecordGivenUpAsync(string instanceId, OutboxItem item, int attempts, string reason, CancellationToken ct) =>
        RunStepAsync(instanceId, null, record => new(PlannerFor(record).DeliveryFailed(record, item, reason, attempts), RaiseResult.Applied), 0, ct);

    /// <summary>
    /// A refusal found after the event was buffered, owed to the instance that sent it: raised as <see cref="DeliveryFailed"/>
    /// when its catalog takes it, else (or when its decider refuses it) recorded in its history under the notice's id, once.
    /// </summary>
    private async Task<RaiseOutcome> DeliverNoticeAsync(string refusingId, OutboxItem item, int depth, CancellationToken ct)
    {
        var sender = await Store.LoadAsync(item.Target, ct);
        if (sender is null)
        {
            return new(RaiseResult.NotFound, null);
        }

        var notice = new WorkflowEvent(item.Name!, Parse(item.Payload), item.Id!, EventOrigin.Instance, "runtime");
        if (WorkflowOf(sender)?.Accepts(DeliveryFailed.EventName) == true)
        {
            var outcome = await ApplyEventAsync(item.Target, notice, item.CorrelationId, null, depth, ct);
            if (outcome.Result is not (RaiseResult.Invalid or RaiseResult.Rejected))
            {
                return outcome;
            }
        }

        // The sender's history records the event it sent (no outbox row of its own is left to remove), under the notice's id.
        var failure = JsonSerializer.Deserialize<DeliveryFailed>(item.Payload, WorkflowJson.Options)!;
        var sentId = StepPlanner.RefusedEventId(item.Id!);
        var sent = new OutboxItem(item.RowKey, OutboxKind.SendEvent, refusingId, failure.SentEventName, sentId, null, null, item.Version, item.CorrelationId);
        return await RunStepAsync(item.Target, item.Id, record => NoticeRecorded(record, sent, failure.Reason, item.Id!), depth, ct);
    }

    private Step NoticeRecorded(InstanceRecord sender, OutboxItem sent, string reason, string noticeId) =>
        sender.RuntimeStatus.IsFinished()
            ? Step.Refused(RaiseResult.Finished)
            : new(PlannerFor(sender).DeliveryFailed(sender, sent, reason) with { OutboxRemove = null, EventId = noticeId }, RaiseResult.Applied);
}
