using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Timers;
using Guichet.Deciders;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

/// <summary>Turns a decider's effects into the new timers, runtime status and outbox rows of one step.</summary>
internal sealed class EffectPlanner(InstanceRecord initial, long sequence, int version, string? correlationId)
{
    /// <summary>A queue message may be 64 KiB once base64-encoded, so 48 KiB of text.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    /// <summary>
    /// Outbox rows a step may add: a transaction holds 100 operations, 6 of them for the step's other rows and one
    /// for the instance list's row, which the runtime adds when the step changes a status.
    /// </summary>
    private const int MaxOutboxRows = Commit.MaxOperations - 7;

    /// <summary>A step removes stale timer-index rows while it has room; a row left behind fires as Ignored and goes then.</summary>
    private const int ClearTimerBudget = MaxOutboxRows / 2;

    private readonly List<OutboxItem> _outbox = [];
    private readonly List<string> _descriptions = [];

    private readonly string _instanceId = initial.InstanceId;

    // Timer ids and outbox rows carry the instance's generation (its creation), so that an index row left by a purged
    // namesake never matches, and a read-model row it left never outranks this instance's.
    private readonly long _generation = initial.CreatedAt.UtcTicks;

    public InstanceRecord Record { get; private set; } = initial;

    public IReadOnlyList<OutboxItem> Outbox => _outbox;

    public IReadOnlyList<string> Descriptions => _descriptions;

    /// <summary>The catalog of the code deciding this step (<see cref="Workflows.WorkflowRegistry.Versions"/>), stamped on the events it sends.</summary>
    public string? Catalog { get; init; }

    public EffectPlanner Apply(IReadOnlyList<Effect> effects)
    {
        for (var i = 0; i < effects.Count; i++)
        {
            Apply(effects[i], i);
        }

        // A Failed instance keeps its timers: while it is failed they wait in its inbox, and fire once it is rewound.
        if (Record.RuntimeStatus.IsFinished() && Record.RuntimeStatus != RuntimeStatus.Failed)
        {
            ClearAllTimers();
        }

        if (_outbox.Count > MaxOutboxRows)
        {
            throw new EffectException($"A step may write at most {MaxOutboxRows} outbox rows (one transaction); this one needs {_outbox.Count}.");
        }

        return this;
    }

    public void ClearAllTimers()
    {
        foreach (var timer in Record.Timers.ToList())
        {
            Clear(timer);
        }
    }

    private void Apply(Effect effect, int index)
    {
        switch (effect)
        {
            case ScheduleTimer timer:
                Schedule(timer, index);
                break;
            case CancelTimer cancel:
                InstanceIds.Validate(cancel.Name, "timer name");
                Record.Timers.Where(t => t.Name == cancel.Name).ToList().ForEach(Clear);
                break;
            case SendEvent send:
                InstanceIds.Validate(send.InstanceId, "target instance id");
                InstanceIds.Validate(send.EventName, "event name");
                Add(OutboxKind.SendEvent, send.InstanceId, send.EventName, $"{_instanceId}:{sequence}:{index}", Bytes(send.Payload), null, Catalog);
                _descriptions.Add($"send {send.EventName} to {send.InstanceId}");
                break;
            case SendMessage message:
                Send(message, index);
                break;
            case Complete complete:
                Record = Record with { RuntimeStatus = RuntimeStatus.Completed, Output = Bytes(complete.Output) };
                _descriptions.Add("complete");
                break;
            case Project project:
                Project(project);
                break;
            case Fail fail:
                Record = Record with { RuntimeStatus = RuntimeStatus.Failed, Error = fail.Reason };
                _descriptions.Add($"fail: {fail.Reason}");
                break;
            default:
                throw new EffectException($"Unknown effect {effect.GetType().Name}.");
        }
    }

    private void Schedule(ScheduleTimer timer, int index)
    {
        InstanceIds.Validate(timer.Name, "timer name");
        Record.Timers.Where(t => t.Name == timer.Name).ToList().ForEach(Clear);
        var pending = new PendingTimer(timer.Name, string.Create(CultureInfo.InvariantCulture, $"{_generation:x}.{sequence:D10}-{index:D2}"), timer.DueAt.ToUniversalTime());
        Record = Record with { Timers = Record.Timers.Add(pending) };
        Add(OutboxKind.SetTimer, TimerIndex.RowKey(pending.DueAt, _instanceId, pending.TimerId), timer.Name, pending.TimerId, Bytes(timer.Payload), pending.DueAt);
        _descriptions.Add($"timer {timer.Name} at {pending.DueAt:O}");
    }

    private void Clear(PendingTimer timer)
    {
        Record = Record with { Timers = Record.Timers.Remove(timer) };
        if (_outbox.Count >= ClearTimerBudget)
        {
            return;
        }

        Add(OutboxKind.ClearTimer, TimerIndex.RowKey(timer.DueAt, _instanceId, timer.TimerId), timer.Name, timer.TimerId, null, timer.DueAt);
        _descriptions.Add($"cancel timer {timer.Name}");
    }

    private void Project(Project project)
    {
        var table = ReadModelNames.ValidateWritable(project.Table);
        var partitionKey = ReadModelNames.ValidateKey(project.PartitionKey, "partition key");
        var rowKey = ReadModelNames.ValidateKey(project.RowKey, "row key");
        Add(OutboxKind.Project, table, partitionKey, rowKey, ProjectionRows.Serialize(project.Row, table, partitionKey, rowKey, _instanceId), null);
        _descriptions.Add($"{(project.Row is null ? "remove" : "project")} {table} {partitionKey}/{rowKey}");
    }

    private void Send(SendMessage message, int index)
    {
        if (!QueueNames.IsValid(message.Queue))
        {
            throw new EffectException($"'{message.Queue}' is not a valid queue name: 3 to 63 lowercase letters, digits or single hyphens.");
        }

        var messageId = $"{_instanceId}:{sequence}:{index}";
        var body = JsonSerializer.SerializeToElement(message.Body, message.Body.GetType(), WorkflowJson.Options);
        if (body.ValueKind == JsonValueKind.Object)
        {
            // Receivers discard copies by messageId, and follow the request that caused the message by correlationId.
            var node = JsonNode.Parse(body.GetRawText())!.AsObject();
            node.TryAdd("messageId", messageId);
            if (correlationId is not null)
            {
                node.TryAdd("correlationId", correlationId);
            }

            body = JsonSerializer.SerializeToElement(node);
        }

        var bytes = Encoding.UTF8.GetBytes(body.GetRawText());
        if (bytes.Length > MaxMessageBytes)
        {
            throw new EffectException($"A message for queue '{message.Queue}' is {bytes.Length} bytes; a queue message holds at most {MaxMessageBytes} bytes before base64 (64 KiB).");
        }

        Add(OutboxKind.SendMessage, message.Queue, null, messageId, bytes, null);
        _descriptions.Add($"message {messageId} to {message.Queue}");
    }

    private void Add(OutboxKind kind, string target, string? name, string? id, byte[]? payload, DateTimeOffset? dueAt, string? targetVersions = null) =>
        _outbox.Add(new(RowKeys.Outbox(sequence, _outbox.Count), kind, target, name, id, payload, dueAt, version, correlationId) { Generation = _generation, TargetVersions = targetVersions });

    private static byte[]? Bytes(object? value) => value is null ? null : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), WorkflowJson.Options);
}
