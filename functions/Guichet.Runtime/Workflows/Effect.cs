using System.Text.Json;

namespace Guichet.Runtime.Workflows;

/// <summary>
/// Something a decider asks the runtime to do. Effects are data: the runtime commits them with the new
/// state in one transaction and carries them out afterwards, at least once and idempotently.
/// </summary>
public abstract record Effect;

/// <summary>Schedules a durable timer; a pending timer of the same name is replaced.</summary>
/// <param name="Name">The timer's name, which is also the name of the event it raises when due.</param>
/// <param name="DueAt">When the timer fires; any length, one logical timer.</param>
/// <param name="Payload">Optional payload of the event raised when the timer fires.</param>
public sealed record ScheduleTimer(string Name, DateTimeOffset DueAt, JsonElement? Payload = null) : Effect;

/// <summary>Cancels the pending timer of that name; nothing happens if there is none.</summary>
public sealed record CancelTimer(string Name) : Effect;

/// <summary>Raises an event on another instance, which must exist (otherwise the failure is recorded in this instance's history).</summary>
public sealed record SendEvent(string InstanceId, string EventName, JsonElement? Payload = null) : Effect;

/// <summary>
/// Puts a message on an outbound queue. An object body gets a <c>messageId</c> property, stable across
/// re-deliveries, so that receivers can discard a duplicate, and the <c>correlationId</c> of the request
/// that caused it, unless the body has them already.
/// </summary>
public sealed record SendMessage(string Queue, JsonElement Body) : Effect;

/// <summary>Ends the instance successfully; its pending timers are cancelled.</summary>
public sealed record Complete(JsonElement? Output = null) : Effect;

/// <summary>Ends the instance as Failed with a reason; its pending timers are cancelled.</summary>
public sealed record Fail(string Reason) : Effect;
