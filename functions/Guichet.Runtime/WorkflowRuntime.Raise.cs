using System.Text.Json;
using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Timers;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Raises an event on an instance. Delivery may be repeated safely: an event id is applied at most once
    /// per instance. An unknown instance is refused (<see cref="RaiseResult.NotFound"/>), never silently dropped;
    /// an event the workflow does not know or whose payload does not bind is refused (<see cref="RaiseResult.Invalid"/>),
    /// and one its decider rejects (<see cref="RaiseResult.Rejected"/>), with the reason and nothing changed.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="eventName">The event's name (see <see cref="InstanceIds"/>).</param>
    /// <param name="payload">Its payload, at most <see cref="RuntimeOptions.MaxPayloadBytes"/>.</param>
    /// <param name="eventId">Its de-duplication id: the same id raised twice is applied once.</param>
    /// <param name="context">Who raises it, and the correlation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<RaiseOutcome> RaiseEventAsync(
        string instanceId,
        string eventName,
        JsonElement? payload,
        string eventId,
        RequestContext? context = null,
        CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        InstanceIds.Validate(eventName, nameof(eventName));
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eventId.Length, 1024, nameof(eventId));
        ValidatePayload(payload, nameof(payload));
        ValidateReply(context?.OnRefusal);
        var @event = new WorkflowEvent(eventName, payload ?? NullJson, eventId, EventOrigin.External, context?.Actor) { Reply = context?.OnRefusal };
        return ApplyEventAsync(instanceId, @event, context?.CorrelationId, null, 0, cancellationToken);
    }

    /// <summary>
    /// What became of an event id raised on an instance: still buffered, applied, refused (with the reason), or failed
    /// on; null when the instance never met it (or does not exist). A caller told <see cref="RaiseResult.Buffered"/> asks here.
    /// </summary>
    public Task<EventOutcome?> GetEventOutcomeAsync(string instanceId, string eventId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return Store.ReadEventAsync(instanceId, eventId, cancellationToken);
    }

    /// <summary>
    /// Delivers an event another instance sent. Its payload was written by the sender's code, to the target's record as
    /// that code knew it: the version it is upcast from is the target type's version in the catalog of the host that
    /// wrote it (see <see cref="OutboxItem.TargetVersions"/>). A notice that an event was not applied goes to history
    /// when its receiver's catalog does not take <see cref="DeliveryFailed"/>.
    /// </summary>
    internal Task<RaiseOutcome> DeliverAsync(string sourceId, OutboxItem item, int depth, CancellationToken ct)
    {
        if (StepPlanner.IsNotice(item))
        {
            return DeliverNoticeAsync(sourceId, item, depth, ct);
        }

        var @event = new WorkflowEvent(item.Name!, Parse(item.Payload), item.Id!, EventOrigin.Instance, sourceId);
        return ApplyEventAsync(item.Target, @event, item.CorrelationId, null, depth, ct, record => item.PayloadVersionFor(record.WorkflowType));
    }

    internal Task<RaiseOutcome> FireTimerAsync(DueTimer timer, CancellationToken ct)
    {
        var @event = new WorkflowEvent(timer.Name, Parse(timer.Payload), "timer:" + timer.TimerId, EventOrigin.Timer, "timer");
        return ApplyEventAsync(timer.InstanceId, @event, timer.CorrelationId, timer, 0, ct);
    }

    /// <summary>Applies an event; its payload was written by the code of <paramref name="payloadVersion"/> (a timer's, a sender's), else by this host's.</summary>
    private async Task<RaiseOutcome> ApplyEventAsync(string instanceId, WorkflowEvent @event, string? correlationId, DueTimer? timer, int depth, CancellationToken ct, Func<InstanceRecord, int?>? payloadVersion = null)
    {
        using var activity = RuntimeTelemetry.Start($"{@event.Origin} {@event.Name}", instanceId, correlationId);
        var outcome = await RunStepAsync(
            instanceId,
            @event.EventId,
            record => PlannerFor(record).Apply(record, @event, correlationId, timer?.TimerId, timer?.Version ?? payloadVersion?.Invoke(record) ?? WorkflowOf(record)?.Version ?? record.WorkflowVersion),
            depth,
            ct);
        activity?.SetTag("guichet.result", outcome.Result.ToString());
        RuntimeTelemetry.Events.Add(1, new KeyValuePair<string, object?>("origin", @event.Origin.ToString()), new KeyValuePair<string, object?>("result", outcome.Result.ToString()));
        return outcome;
    }

    /// <summary>
    /// Applies, in order, the events an instance buffered while it was pending or suspended; once its inbox is
    /// empty, the inbox marks it covered go; once the instance has completed or been terminated, records those it
    /// will never apply as such and deletes their rows.
    /// </summary>
    private async Task DrainInboxAsync(string instanceId, int depth, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            var record = await Store.LoadAsync(instanceId, ct);
            if (record is { RuntimeStatus: RuntimeStatus.Completed or RuntimeStatus.Terminated })
            {
                await DiscardInboxAsync(instanceId, ct); // what ending it left behind: it will never be applied
                return;
            }

            if (record is { RuntimeStatus: RuntimeStatus.Running, BufferedEvents: 0 })
            {
                await ForgetInboxMarksAsync(instanceId, record.InboxHead, ct);
                return;
            }

            if (record is not { RuntimeStatus: RuntimeStatus.Running, BufferedEvents: > 0 })
            {
                return;
            }

            var item = await Store.ReadInboxAsync(instanceId, record.InboxHead, ct)
                ?? throw new InvalidOperationException($"Instance '{instanceId}' lost buffered event {record.InboxHead}.");
            if (PlannerFor(record).ApplyBuffered(record, item) is not { } planned)
            {
                return; // newer than this code: a host running the newer version applies it
            }

            var (commit, outcome) = await CommitFittingAsync(record, await DiscardingBufferedAsync(Indexed(record, planned), ct), ct);
            if (outcome.Result == CommitResult.Committed)
            {
                await CarryOutAsync(commit, depth, ct);
                attempt = 0;
            }
            else if (++attempt >= MaxCommitAttempts)
            {
                throw new TimeoutException($"Instance '{instanceId}' kept changing while its buffered events were applied; they stay buffered.");
            }
            else
            {
                await BackOffAsync(attempt, ct);
            }
        }
    }

    private static void ValidateReply(RefusalReply? reply)
    {
        if (reply is null)
        {
            return;
        }

        if (!QueueNames.IsValid(reply.Queue))
        {
            throw new ArgumentException($"'{reply.Queue}' is not a valid queue name.", nameof(reply));
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(reply.Body);
        if (bytes > RefusalReply.MaxBodyBytes)
        {
            throw new PayloadTooLargeException(nameof(reply), bytes, RefusalReply.MaxBodyBytes);
        }
    }

    private static readonly JsonElement NullJson = JsonDocument.Parse("null").RootElement.Clone();

    private static JsonElement Parse(byte[]? json) =>
        json is null ? NullJson : JsonDocument.Parse(json).RootElement.Clone();
}
