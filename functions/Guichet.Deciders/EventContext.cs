namespace Guichet.Deciders;

/// <summary>Where an event comes from.</summary>
public enum EventOrigin
{
    /// <summary>Raised from outside: an HTTP call, a queue message, the start of the instance.</summary>
    External,

    /// <summary>A durable timer of the instance that came due.</summary>
    Timer,

    /// <summary>Sent by another instance through a <see cref="SendEvent"/> effect.</summary>
    Instance,
}

/// <summary>What a decider knows of an event besides its record: who, when, where from.</summary>
/// <param name="InstanceId">The instance deciding.</param>
/// <param name="EventName">The name the event came under (a timer's name, when one record serves several timers).</param>
/// <param name="EventId">The event's de-duplication id: it is applied at most once per instance.</param>
/// <param name="Origin">Where it comes from.</param>
/// <param name="Actor">Who raised it, when known (a user, a system, another instance, "timer").</param>
/// <param name="Now">The instant of the decision, from the runtime's clock.</param>
public sealed record EventContext(string InstanceId, string EventName, string EventId, EventOrigin Origin, string? Actor, DateTimeOffset Now);
