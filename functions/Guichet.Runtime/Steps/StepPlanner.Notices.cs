using System.Text;
using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    private const string NoticePrefix = "delivery-failed:";

    /// <summary>The event id of the notice that an event was not applied: the same whichever path found it, so that it is applied once.</summary>
    public static string NoticeId(string eventId) => NoticePrefix + eventId;

    /// <summary>The id of the event a notice (<see cref="NoticeId"/>) says was not applied.</summary>
    public static string RefusedEventId(string noticeId) => noticeId[NoticePrefix.Length..];

    /// <summary>Whether an outbox row is such a notice (raised by the runtime, not by a decider).</summary>
    public static bool IsNotice(OutboxItem item) =>
        item is { Kind: OutboxKind.SendEvent, Name: Deciders.DeliveryFailed.EventName } && item.Id?.StartsWith(NoticePrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// What a buffered event that is not applied owes whoever sent it, as rows of the step that settles it, so that the
    /// refusal reaches them once and durably: another instance gets <see cref="Deciders.DeliveryFailed"/> (as when a direct
    /// delivery is refused), an external caller the reply it left (<see cref="RefusalReply"/>). A notice itself owes none.
    /// </summary>
    private static List<OutboxItem> Notices(InstanceRecord record, WorkflowEvent @event, string? correlationId, string reason, long sequence, int firstIndex)
    {
        var items = new List<OutboxItem>(2);
        var generation = record.CreatedAt.UtcTicks;
        if (@event is { Origin: Deciders.EventOrigin.Instance, Actor: { } sender } && @event.Name != Deciders.DeliveryFailed.EventName && InstanceIds.IsValid(sender))
        {
            var notice = new Deciders.DeliveryFailed(record.InstanceId, @event.Name, $"Instance '{record.InstanceId}' refused '{@event.Name}': {reason}");
            var payload = JsonSerializer.SerializeToUtf8Bytes(notice, WorkflowJson.Options);
            items.Add(new(RowKeys.Outbox(sequence, firstIndex), OutboxKind.SendEvent, sender, Deciders.DeliveryFailed.EventName, NoticeId(@event.EventId), payload, null, record.WorkflowVersion, correlationId) { Generation = generation });
        }

        if (@event.Reply is { } reply)
        {
            var id = $"{record.InstanceId}:refused:{@event.EventId}";
            items.Add(new(RowKeys.Outbox(sequence, firstIndex + items.Count), OutboxKind.SendMessage, reply.Queue, null, id, Encoding.UTF8.GetBytes(reply.Body), null, record.WorkflowVersion, correlationId) { Generation = generation });
        }

        return items;
    }
}
