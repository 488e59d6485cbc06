using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Deciders;

namespace Guichet.Runtime.Workflows;

/// <summary>
/// Runs a <see cref="Decider{TStart, TState, TEvent}"/>: binds the input and each event payload to its record
/// (strictly: a missing, extra or mistyped field is refused, naming it), upcasts what an older version stored,
/// and serializes the state the decider returns.
/// </summary>
internal sealed class DeciderWorkflow<TStart, TState, TEvent>(Decider<TStart, TState, TEvent> decider) : IWorkflow
    where TStart : notnull
    where TState : notnull
    where TEvent : notnull
{
    public string Type => decider.Type;

    public int Version => decider.Version;

    public bool Accepts(string eventName) => decider.Events.TypeOf(eventName) is not null;

    public string? Check(string eventName, JsonElement payload)
    {
        try
        {
            _ = Bind(eventName, payload);
            return null;
        }
        catch (EventBindingException ex)
        {
            return ex.Message;
        }
    }

    public StepResult Start(JsonElement input, EventContext context)
    {
        var start = EventBinding.Bind<TStart>(input, "the start input");
        return ToResult(decider.Start(start, context));
    }

    public StepResult Decide(ReadOnlyMemory<byte> state, int stateVersion, WorkflowEvent @event, EventContext context)
    {
        var bound = Bind(@event.Name, @event.Payload);
        var current = JsonSerializer.Deserialize<TState>(Upcast(state, stateVersion).Span, WorkflowJson.Options)
            ?? throw new JsonException($"The state of '{Type}' deserialized to null.");
        return ToResult(decider.Decide(current, bound, context));
    }

    public JsonElement UpcastEvent(string name, JsonElement payload, int fromVersion)
    {
        if (fromVersion > Version)
        {
            throw new WorkflowVersionException($"Event '{name}' was written by version {fromVersion} of '{Type}', newer than this code's version {Version}.");
        }

        if (fromVersion == Version)
        {
            return payload;
        }

        var node = JsonNode.Parse(payload.GetRawText());
        for (var version = fromVersion; version < Version; version++)
        {
            node = decider.UpcastEvent(name, node, version);
        }

        return JsonSerializer.SerializeToElement(node, WorkflowJson.Options);
    }

    private TEvent Bind(string name, JsonElement payload)
    {
        var type = decider.Events.TypeOf(name)
            ?? throw new EventBindingException($"Workflow '{Type}' has no event '{name}' (its events: {string.Join(", ", decider.Events.Names.Order(StringComparer.Ordinal))}).");
        return (TEvent)EventBinding.Bind(payload, type, $"event '{name}'");
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
            node = decider.UpcastState(node, version);
        }

        return JsonSerializer.SerializeToUtf8Bytes(node, WorkflowJson.Options);
    }

    private StepResult ToResult(Decision<TState> decision) =>
        decision.IsRejected
            ? StepResult.Rejected(decision.Rejection!)
            : new(JsonSerializer.SerializeToUtf8Bytes(decision.State!, WorkflowJson.Options), decision.Effects, decider.StatusOf(decision.State!), null);
}
