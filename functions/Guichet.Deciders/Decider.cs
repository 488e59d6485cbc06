using System.Text.Json.Nodes;

namespace Guichet.Deciders;

/// <summary>
/// A workflow type as a pure decider: its events are records of a closed set (<see cref="Events"/>), each event
/// and the current state give a <see cref="Decision{TState}"/> (a new state with effects, or a rejection), and
/// its lifecycle status is derived from the state by <see cref="StatusOf"/>. Time and ids come as arguments:
/// a decider reads no clock and does no I/O. A decider that throws has a bug; a rule that says no rejects.
/// </summary>
/// <typeparam name="TStart">The input an instance starts from.</typeparam>
/// <typeparam name="TState">The state of one instance; it must round-trip through System.Text.Json.</typeparam>
/// <typeparam name="TEvent">The base type of the workflow's event records.</typeparam>
public abstract class Decider<TStart, TState, TEvent> : IDecider
    where TStart : notnull
    where TState : notnull
    where TEvent : notnull
{
    /// <inheritdoc />
    public abstract string Type { get; }

    /// <inheritdoc />
    public virtual int Version => 1;

    /// <summary>The events this workflow accepts, by name; any other name or shape is refused before it is decided.</summary>
    public abstract EventCatalog<TEvent> Events { get; }

    /// <summary>Decides the first state of an instance from its input.</summary>
    public abstract Decision<TState> Start(TStart input, EventContext context);

    /// <summary>Decides what an event does to the state.</summary>
    public abstract Decision<TState> Decide(TState state, TEvent happened, EventContext context);

    /// <summary>The lifecycle status shown for a state (the instance's custom status).</summary>
    public abstract string StatusOf(TState state);

    /// <summary>A durable timer that raises <paramref name="due"/> when due; its name is the event's name.</summary>
    protected ScheduleTimer Timer(DateTimeOffset dueAt, TEvent due) => new(Events.NameOf(due), dueAt, due);

    /// <summary>Cancels the pending timer that would raise events of type <typeparamref name="T"/>.</summary>
    protected CancelTimer CancelTimer<T>()
        where T : TEvent => new(Events.NameOf<T>());

    /// <summary>Rewrites a state stored by version <paramref name="fromVersion"/> into the shape of the next version.</summary>
    public virtual JsonNode UpcastState(JsonNode state, int fromVersion) =>
        throw new InvalidOperationException($"Workflow '{Type}' has no upcaster for its state from version {fromVersion} to {fromVersion + 1}.");

    /// <summary>Rewrites an event payload written under version <paramref name="fromVersion"/> into the shape of the next version.</summary>
    public virtual JsonNode? UpcastEvent(string name, JsonNode? payload, int fromVersion) => payload;
}
