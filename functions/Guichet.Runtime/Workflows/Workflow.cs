using System.Text.Json;
using System.Text.Json.Nodes;

namespace Guichet.Runtime.Workflows;

/// <summary>
/// A workflow type: a pure, deterministic decider <c>(state, event, now) → (new state, effects)</c>. The
/// runtime persists the state as JSON; when the workflow's <see cref="Version"/> grows, states and event
/// payloads stored by an older version are upcast one version at a time before the decider sees them.
/// </summary>
/// <typeparam name="TState">The state of one instance; it must round-trip through System.Text.Json.</typeparam>
public abstract class Workflow<TState> : IWorkflow
    where TState : notnull
{
    /// <summary>The workflow type's stable name, recorded on each instance.</summary>
    public abstract string Type { get; }

    /// <summary>The version of the state and event shapes this code reads and writes.</summary>
    public virtual int Version => 1;

    /// <summary>Decides the first state of an instance from its input.</summary>
    public abstract Decision<TState> Start(WorkflowStart start, DateTimeOffset now);

    /// <summary>Decides what an event does to the state. It must not read a clock or any I/O.</summary>
    public abstract Decision<TState> Decide(TState state, WorkflowEvent happened, DateTimeOffset now);

    /// <summary>Rewrites a state stored by version <paramref name="fromVersion"/> into the shape of the next version.</summary>
    protected virtual JsonNode UpcastState(JsonNode state, int fromVersion) =>
        throw new WorkflowVersionException($"Workflow '{Type}' has no upcaster for its state from version {fromVersion} to {fromVersion + 1}.");

    /// <summary>Rewrites an event payload written under version <paramref name="fromVersion"/> into the shape of the next version.</summary>
    protected virtual JsonNode? UpcastEvent(string name, JsonNode? payload, int fromVersion) => payload;

    StepResult IWorkflow.Start(WorkflowStart start, DateTimeOffset now) => ToResult(Start(start, now));

    StepResult IWorkflow.Decide(ReadOnlyMemory<byte> state, int stateVersion, WorkflowEvent @event, DateTimeOffset now)
    {
        var current = Deserialize(Upcast(state, stateVersion));
        return ToResult(Decide(current, @event, now));
    }

    JsonElement IWorkflow.UpcastEvent(string name, JsonElement payload, int fromVersion)
    {
        if (fromVersion == Version)
        {
            return payload;
        }

        var node = JsonNode.Parse(payload.GetRawText());
        for (var version = fromVersion; version < Version; version++)
        {
            node = UpcastEvent(name, node, version);
        }

        return JsonSerializer.SerializeToElement(node, WorkflowJson.Options);
    }

    private ReadOnlyMemory<byte> Upcast(ReadOnlyMemory<byte> state, int stateVersion)
    {
        if (stateVersion > Version)
        {
            throw new WorkflowVersionException($"Instance state of '{Type}' is version {stateVersion}, newer than this code's version {Version}.");
        }

        if (stateVersion == Version)
        {
            return state;
        }

        var node = JsonNode.Parse(state.Span) ?? throw new WorkflowVersionException($"Stored state of '{Type}' is empty.");
        for (var version = stateVersion; version < Version; version++)
        {
            node = UpcastState(node, version);
        }

        return JsonSerializer.SerializeToUtf8Bytes(node, WorkflowJson.Options);
    }

    private static TState Deserialize(ReadOnlyMemory<byte> state) =>
        JsonSerializer.Deserialize<TState>(state.Span, WorkflowJson.Options)
        ?? throw new JsonException($"State deserialized to null for {typeof(TState).Name}.");

    private static StepResult ToResult(Decision<TState> decision) =>
        new(JsonSerializer.SerializeToUtf8Bytes(decision.State, WorkflowJson.Options), decision.Effects, decision.CustomStatus);
}
