using System.Collections.Immutable;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Instances;

/// <summary>The state row of an instance: a snapshot, so that loading an instance costs one read whatever its history.</summary>
internal sealed record InstanceRecord
{
    public required string InstanceId { get; init; }
    public required string WorkflowType { get; init; }
    public required int WorkflowVersion { get; init; }
    public required RuntimeStatus RuntimeStatus { get; init; }
    public string? CustomStatus { get; init; }
    public required byte[] State { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public long LastSequence { get; init; }
    public string LastHash { get; init; } = string.Empty;
    public long HistorySize { get; init; }
    public ImmutableList<PendingTimer> Timers { get; init; } = [];
    public long InboxHead { get; init; }
    public long InboxTail { get; init; }
    public string? Error { get; init; }

    /// <summary>
    /// While Failed on an event: the inbox position where that event waits, at the head, for an administrator to retry
    /// it (apply it again) or rewind past it (record it as not applied); null otherwise.
    /// </summary>
    public long? FailedEvent { get; init; }

    /// <summary>Why buffered events wait (the instance or an event is newer than the code that met it); null otherwise.</summary>
    public string? Waiting { get; init; }
    public byte[]? Input { get; init; }
    public byte[]? Output { get; init; }
    public string? CorrelationId { get; init; }
    public string? StartActor { get; init; }
    public ETag ETag { get; init; }

    public long BufferedEvents => InboxTail - InboxHead;

    public TableEntity ToEntity()
    {
        var entity = new TableEntity(InstanceId, RowKeys.State)
        {
            ["WorkflowType"] = WorkflowType,
            ["WorkflowVersion"] = WorkflowVersion,
            ["RuntimeStatus"] = RuntimeStatus.ToString(),
            ["CustomStatus"] = CustomStatus,
            ["CreatedAt"] = CreatedAt,
            ["UpdatedAt"] = UpdatedAt,
            ["LastSequence"] = LastSequence,
            ["LastHash"] = LastHash,
            ["HistorySize"] = HistorySize,
            ["Timers"] = JsonSerializer.Serialize(Timers),
            ["InboxHead"] = InboxHead,
            ["InboxTail"] = InboxTail,
            ["Error"] = Error,
            ["FailedEvent"] = FailedEvent,
            ["Waiting"] = Waiting,
            ["CorrelationId"] = CorrelationId,
            ["StartActor"] = StartActor,
        };
        BinaryChunks.Write(entity, "State", State);
        if (Input is not null)
        {
            BinaryChunks.Write(entity, "Input", Input);
        }

        if (Output is not null)
        {
            BinaryChunks.Write(entity, "Output", Output);
        }

        return entity;
    }

    public static InstanceRecord FromEntity(TableEntity entity) => new()
    {
        InstanceId = entity.PartitionKey,
        WorkflowType = entity.GetString("WorkflowType"),
        WorkflowVersion = entity.GetInt32("WorkflowVersion") ?? 1,
        RuntimeStatus = Enum.Parse<RuntimeStatus>(entity.GetString("RuntimeStatus")),
        CustomStatus = entity.GetString("CustomStatus"),
        State = BinaryChunks.Read(entity, "State") ?? [],
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        LastSequence = entity.GetInt64("LastSequence") ?? 0,
        LastHash = entity.GetString("LastHash") ?? string.Empty,
        HistorySize = entity.GetInt64("HistorySize") ?? 0,
        Timers = JsonSerializer.Deserialize<ImmutableList<PendingTimer>>(entity.GetString("Timers") ?? "[]") ?? [],
        InboxHead = entity.GetInt64("InboxHead") ?? 0,
        InboxTail = entity.GetInt64("InboxTail") ?? 0,
        Error = entity.GetString("Error"),
        FailedEvent = entity.GetInt64("FailedEvent"),
        Waiting = entity.GetString("Waiting"),
        Input = BinaryChunks.Read(entity, "Input"),
        Output = BinaryChunks.Read(entity, "Output"),
        CorrelationId = entity.GetString("CorrelationId"),
        StartActor = entity.GetString("StartActor"),
        ETag = entity.ETag,
    };

    public InstanceStatus ToStatus(bool withData) => new()
    {
        InstanceId = InstanceId,
        WorkflowType = WorkflowType,
        WorkflowVersion = WorkflowVersion,
        RuntimeStatus = RuntimeStatus,
        CustomStatus = CustomStatus,
        CreatedAt = CreatedAt,
        LastUpdatedAt = UpdatedAt,
        PendingTimers = Timers,
        BufferedEvents = BufferedEvents,
        HistoryLength = LastSequence,
        HistorySize = HistorySize,
        Error = Error,
        Waiting = Waiting,
        CorrelationId = CorrelationId,
        Input = withData ? Parse(Input) : null,
        Output = withData ? Parse(Output) : null,
        State = withData ? Parse(State) : null,
    };

    private static JsonElement? Parse(byte[]? json) =>
        json is null || json.Length == 0 ? null : JsonDocument.Parse(json).RootElement.Clone();
}
