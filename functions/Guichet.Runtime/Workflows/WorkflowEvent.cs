using System.Text.Json;

namespace Guichet.Runtime.Workflows;

/// <summary>Where an event applied to an instance comes from.</summary>
public enum EventOrigin
{
    /// <summary>Raised through the runtime's API (an HTTP call, a queue message).</summary>
    External,

    /// <summary>A durable timer of the instance that came due.</summary>
    Timer,

    /// <summary>Sent by another instance through a <see cref="SendEvent"/> effect.</summary>
    Instance,
}

/// <summary>An event as a decider sees it.</summary>
/// <param name="Name">The event's name (for a timer, the timer's name).</param>
/// <param name="Payload">The payload, upcast to the workflow's current version.</param>
/// <param name="EventId">The de-duplication id: an event id is applied at most once per instance.</param>
/// <param name="Origin">Where it comes from.</param>
/// <param name="Actor">Who raised it, when known (a user, a system, another instance).</param>
public sealed record WorkflowEvent(string Name, JsonElement Payload, string EventId, EventOrigin Origin, string? Actor);

/// <summary>What a decider sees when an instance starts.</summary>
public sealed record WorkflowStart(string InstanceId, JsonElement Input, string? Actor);
