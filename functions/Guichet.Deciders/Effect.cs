namespace Guichet.Deciders;

/// <summary>
/// Something a decider asks the runtime to do. Effects are data: the runtime commits them with the new state
/// in one transaction and carries them out afterwards, at least once and idempotently. Payloads and bodies are
/// records (or JSON elements) serialized with the runtime's JSON conventions.
/// </summary>
public abstract record Effect;

/// <summary>Schedules a durable timer; a pending timer of the same name is replaced.</summary>
/// <param name="Name">The timer's name, which is also the name of the event it raises when due.</param>
/// <param name="DueAt">When the timer fires; any length, one logical timer.</param>
/// <param name="Payload">The payload of the event raised when the timer fires.</param>
public sealed record ScheduleTimer(string Name, DateTimeOffset DueAt, object? Payload = null) : Effect;

/// <summary>Cancels the pending timer of that name; nothing happens if there is none.</summary>
/// <param name="Name">The timer's name.</param>
public sealed record CancelTimer(string Name) : Effect;

/// <summary>
/// Raises an event on another instance. When the target does not exist, has ended, or refuses the event, the
/// failure is recorded in this instance's history, and raised on it as <see cref="DeliveryFailed"/> when its
/// catalog accepts that event.
/// </summary>
/// <param name="InstanceId">The target instance.</param>
/// <param name="EventName">The event's name in the target's catalog.</param>
/// <param name="Payload">The event record.</param>
public sealed record SendEvent(string InstanceId, string EventName, object? Payload = null) : Effect;

/// <summary>
/// Puts a message on an outbound queue. An object body gets a <c>messageId</c> property, stable across
/// re-deliveries, so that receivers can discard a duplicate, and the <c>correlationId</c> of the request
/// that caused it, unless the body has them already.
/// </summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="Body">The message, serialized as JSON.</param>
public sealed record SendMessage(string Queue, object Body) : Effect;

/// <summary>
/// Writes a row of a read model (a table others query) after the step commits, or removes it when
/// <paramref name="Row"/> is null. An instance's rows are written in its step order: a row it wrote is never
/// overwritten by a late copy from one of its own older steps (rows of different instances are not ordered).
/// </summary>
/// <param name="Table">The read model's table.</param>
/// <param name="PartitionKey">The row's partition key.</param>
/// <param name="RowKey">The row's key.</param>
/// <param name="Row">A flat record whose properties become the row's columns; null removes the row.</param>
public sealed record Project(string Table, string PartitionKey, string RowKey, object? Row) : Effect;

/// <summary>Ends the instance successfully; its pending timers are cancelled.</summary>
/// <param name="Output">What it produced, if anything.</param>
public sealed record Complete(object? Output = null) : Effect;

/// <summary>
/// Fails the instance with a reason, as a decider that throws does: nothing else of the step is kept (its state, its
/// other effects), its timers wait, and the event waits at the head of its inbox. An administrator may retry the event
/// (decide it again) or rewind the instance (back to the state before the step, the event recorded as not applied).
/// </summary>
/// <param name="Reason">Why.</param>
public sealed record Fail(string Reason) : Effect;
