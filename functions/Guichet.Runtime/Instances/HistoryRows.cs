using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Instances;

/// <summary>Maps history entries to and from their rows; the payload keeps its exact bytes, which the hash covers.</summary>
internal static class HistoryRows
{
    public static TableEntity ToEntity(string instanceId, HistoryEntry entry)
    {
        var entity = new TableEntity(instanceId, RowKeys.History(entry.Sequence))
        {
            ["Sequence"] = entry.Sequence,
            ["AtTicks"] = entry.At.UtcTicks,
            ["At"] = entry.At,
            ["Kind"] = entry.Kind.ToString(),
            ["Name"] = entry.Name,
            ["EventId"] = entry.EventId,
            ["Actor"] = entry.Actor,
            ["Reason"] = entry.Reason,
            ["CorrelationId"] = entry.CorrelationId,
            ["StatusBefore"] = entry.StatusBefore,
            ["StatusAfter"] = entry.StatusAfter,
            ["RuntimeStatus"] = entry.RuntimeStatus.ToString(),
            ["WorkflowVersion"] = entry.WorkflowVersion,
            ["Effects"] = JsonSerializer.Serialize(entry.Effects),
            ["PreviousHash"] = entry.PreviousHash,
            ["Hash"] = entry.Hash,
            ["KeyId"] = entry.KeyId,
        };
        if (entry.Payload is { } payload)
        {
            BinaryChunks.Write(entity, "Payload", PayloadBytes(payload));
        }

        return entity;
    }

    public static HistoryEntry FromEntity(TableEntity entity)
    {
        var payload = BinaryChunks.Read(entity, "Payload");
        return new()
        {
            Sequence = entity.GetInt64("Sequence") ?? 0,
            At = new DateTimeOffset(entity.GetInt64("AtTicks") ?? 0, TimeSpan.Zero),
            Kind = Enum.Parse<HistoryKind>(entity.GetString("Kind")),
            Name = entity.GetString("Name"),
            EventId = entity.GetString("EventId"),
            Actor = entity.GetString("Actor"),
            Reason = entity.GetString("Reason"),
            CorrelationId = entity.GetString("CorrelationId"),
            Payload = payload is null ? null : JsonDocument.Parse(payload).RootElement.Clone(),
            StatusBefore = entity.GetString("StatusBefore"),
            StatusAfter = entity.GetString("StatusAfter"),
            RuntimeStatus = Enum.Parse<RuntimeStatus>(entity.GetString("RuntimeStatus")),
            WorkflowVersion = entity.GetInt32("WorkflowVersion") ?? 1,
            Effects = JsonSerializer.Deserialize<string[]>(entity.GetString("Effects") ?? "[]") ?? [],
            PreviousHash = entity.GetString("PreviousHash") ?? string.Empty,
            Hash = entity.GetString("Hash") ?? string.Empty,
            KeyId = entity.GetString("KeyId"),
        };
    }

    public static long PayloadSize(HistoryEntry entry) => entry.Payload?.GetRawText().Length ?? 0;

    /// <summary>The payload's bytes as stored in its row, and as the history chain hashes them.</summary>
    public static byte[] PayloadBytes(JsonElement payload) => Encoding.UTF8.GetBytes(payload.GetRawText());
}
