using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Deciders;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Instances;

/// <summary>An event that arrived while its instance was pending or suspended, kept in order until it can be applied.</summary>
internal sealed record InboxItem(long Position, WorkflowEvent Event, string? CorrelationId, string? TimerId, int Version)
{
    public TableEntity ToEntity(string instanceId)
    {
        var entity = new TableEntity(instanceId, RowKeys.Inbox(Position))
        {
            ["Name"] = Event.Name,
            ["EventId"] = Event.EventId,
            ["Origin"] = Event.Origin.ToString(),
            ["Actor"] = Event.Actor,
            ["CorrelationId"] = CorrelationId,
            ["TimerId"] = TimerId,
            ["Version"] = Version,
        };
        BinaryChunks.Write(entity, "Payload", Encoding.UTF8.GetBytes(Event.Payload.GetRawText()));
        if (Event.Reply is { } reply)
        {
            entity["ReplyQueue"] = reply.Queue;
            BinaryChunks.Write(entity, "ReplyBody", Encoding.UTF8.GetBytes(reply.Body));
        }

        return entity;
    }

    public static InboxItem FromEntity(TableEntity entity)
    {
        var payload = JsonDocument.Parse(BinaryChunks.Read(entity, "Payload") ?? "null"u8.ToArray()).RootElement.Clone();
        var @event = new WorkflowEvent(
            entity.GetString("Name"),
            payload,
            entity.GetString("EventId"),
            Enum.Parse<EventOrigin>(entity.GetString("Origin")),
            entity.GetString("Actor"))
        {
            Reply = entity.GetString("ReplyQueue") is { } queue ? new RefusalReply(queue, Encoding.UTF8.GetString(BinaryChunks.Read(entity, "ReplyBody") ?? [])) : null,
        };
        return new(
            long.Parse(entity.RowKey[RowKeys.InboxPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture),
            @event,
            entity.GetString("CorrelationId"),
            entity.GetString("TimerId"),
            entity.GetInt32("Version") ?? 1);
    }
}
