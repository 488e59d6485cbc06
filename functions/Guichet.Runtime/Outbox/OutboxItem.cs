using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Outbox;

/// <summary>What an outbox row asks to be done once the step that wrote it has committed.</summary>
internal enum OutboxKind
{
    /// <summary>Raise an event on another instance (Target: instance id).</summary>
    SendEvent,

    /// <summary>Put a message on a queue (Target: queue name).</summary>
    SendMessage,

    /// <summary>Write the timer's row in the timer index (Target: index row key).</summary>
    SetTimer,

    /// <summary>Remove the timer's row from the timer index (Target: index row key).</summary>
    ClearTimer,

    /// <summary>Write a read model's row, or its tombstone when there is no payload (Target: table; Name: partition key; Id: row key).</summary>
    Project,
}

/// <summary>
/// An effect committed in the same transaction as the state that decided it. Carrying it out is idempotent:
/// events carry a stable event id, messages a stable message id, timer rows are upserted or deleted.
/// </summary>
internal sealed record OutboxItem(
    string RowKey,
    OutboxKind Kind,
    string Target,
    string? Name,
    string? Id,
    byte[]? Payload,
    DateTimeOffset? DueAt,
    int Version,
    string? CorrelationId)
{
    /// <summary>
    /// The generation of the instance that wrote it: its creation time, in ticks. An instance purged and started again
    /// under the same id is a new generation, whose read-model rows win over those its namesake left.
    /// </summary>
    public long Generation { get; init; }

    /// <summary>For a row of the instance list: the runtime status the step left, whose row of the by-status list goes; null otherwise.</summary>
    public string? LeftStatus { get; init; }

    /// <summary>
    /// For an event sent to another instance: the version of every workflow type in the catalog of the host whose code
    /// wrote it (see <see cref="Workflows.WorkflowRegistry.Versions"/>); null for other effects and for older rows.
    /// </summary>
    public string? TargetVersions { get; init; }

    /// <summary>
    /// The version of the target's record its payload was written to: the target type's version in the writer's catalog;
    /// null when that catalog did not hold the type, or for a row written before catalogs were stamped (the target's code
    /// then reads the payload as its own).
    /// </summary>
    public int? PayloadVersionFor(string targetType)
    {
        var versions = TargetVersions is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(TargetVersions);
        return versions is not null && versions.TryGetValue(targetType, out var version) ? version : null;
    }

    /// <summary>How many attempts to carry it out failed so far (see <see cref="EffectAttempts"/>).</summary>
    public int Attempts { get; init; }

    /// <summary>Not to be tried again before this, after a failed attempt; null when never tried or not failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The row's ETag when it was read: its deletion once carried out is conditional on it (default: not read, any).</summary>
    public ETag ETag { get; init; }

    public TableEntity ToEntity(string instanceId)
    {
        var entity = new TableEntity(instanceId, RowKey)
        {
            ["Kind"] = Kind.ToString(),
            ["Target"] = Target,
            ["Name"] = Name,
            ["Id"] = Id,
            ["DueAt"] = DueAt,
            ["Version"] = Version,
            ["CorrelationId"] = CorrelationId,
            ["Generation"] = Generation,
            ["LeftStatus"] = LeftStatus,
            ["TargetVersions"] = TargetVersions,
        };
        if (Payload is not null)
        {
            BinaryChunks.Write(entity, "Payload", Payload);
        }

        return entity;
    }

    public static OutboxItem FromEntity(TableEntity entity) => new(
        entity.RowKey,
        Enum.Parse<OutboxKind>(entity.GetString("Kind")),
        entity.GetString("Target"),
        entity.GetString("Name"),
        entity.GetString("Id"),
        BinaryChunks.Read(entity, "Payload"),
        entity.GetDateTimeOffset("DueAt"),
        entity.GetInt32("Version") ?? 1,
        entity.GetString("CorrelationId"))
    {
        Generation = entity.GetInt64("Generation") ?? 0,
        LeftStatus = entity.GetString("LeftStatus"),
        TargetVersions = entity.GetString("TargetVersions"),
        Attempts = entity.GetInt32(EffectAttempts.AttemptsColumn) ?? 0,
        NextAttemptAt = entity.GetDateTimeOffset(EffectAttempts.NextAttemptColumn),
        ETag = entity.ETag,
    };
}
