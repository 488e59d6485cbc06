using System.Text.Json;
using Guichet.Deciders;

namespace Guichet.Runtime.Workflows;

/// <summary>A decider as the runtime drives it: JSON in, serialized state and effects out (see <see cref="DeciderWorkflow{TStart, TState, TEvent}"/>).</summary>
internal interface IWorkflow
{
    string Type { get; }

    int Version { get; }

    /// <summary>Whether the workflow's catalog has an event of that name.</summary>
    bool Accepts(string eventName);

    /// <summary>Null when the payload binds to the event's record; otherwise why not, naming the field.</summary>
    string? Check(string eventName, JsonElement payload);

    /// <summary>Decides the first state; throws <see cref="EventBindingException"/> when the input does not bind.</summary>
    StepResult Start(JsonElement input, EventContext context);

    /// <summary>Decides an event upcast to this version; throws <see cref="EventBindingException"/> when its payload does not bind.</summary>
    StepResult Decide(ReadOnlyMemory<byte> state, int stateVersion, WorkflowEvent @event, EventContext context);

    JsonElement UpcastEvent(string name, JsonElement payload, int fromVersion);
}

/// <summary>A decider's outcome in serialized form: the new state, its effects and status, or a rejection.</summary>
internal sealed record StepResult(byte[] State, IReadOnlyList<Effect> Effects, string? CustomStatus, string? Rejection)
{
    public static StepResult Rejected(string reason) => new([], [], null, reason);
}
