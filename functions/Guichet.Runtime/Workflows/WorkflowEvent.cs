using System.Text.Json;
using Guichet.Deciders;

namespace Guichet.Runtime.Workflows;

/// <summary>An event on its way to a decider: its name and JSON payload, before it is bound to its record.</summary>
/// <param name="Name">The event's name (for a timer, the timer's name).</param>
/// <param name="Payload">The payload as raised (upcast before it is decided).</param>
/// <param name="EventId">The de-duplication id: an event id is applied at most once per instance.</param>
/// <param name="Origin">Where it comes from.</param>
/// <param name="Actor">Who raised it, when known (a user, a system, another instance).</param>
internal sealed record WorkflowEvent(string Name, JsonElement Payload, string EventId, EventOrigin Origin, string? Actor)
{
    /// <summary>What to send its external caller if it is buffered and then not applied.</summary>
    public RefusalReply? Reply { get; init; }
}
