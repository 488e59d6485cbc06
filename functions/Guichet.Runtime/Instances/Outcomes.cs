namespace Guichet.Runtime.Instances;

/// <summary>What became of a raised event.</summary>
public enum RaiseResult
{
    /// <summary>The decider applied it.</summary>
    Applied,

    /// <summary>The instance is pending or suspended: the event waits in its inbox.</summary>
    Buffered,

    /// <summary>An event with that id was already processed; nothing changed.</summary>
    Duplicate,

    /// <summary>A timer that was cancelled or replaced meanwhile; nothing changed.</summary>
    Ignored,

    /// <summary>No such instance; nothing changed.</summary>
    NotFound,

    /// <summary>The instance has ended and accepts no event; nothing changed.</summary>
    Finished,

    /// <summary>The decider threw: the instance is now Failed, with the error recorded.</summary>
    Failed,

    /// <summary>The event's name is not in the workflow's catalog, or its payload does not bind to the event's record; nothing changed.</summary>
    Invalid,

    /// <summary>The decider rejected the event under one of its rules; nothing changed.</summary>
    Rejected,
}

/// <summary>What became of a raised event, with the instance's status afterwards when it exists.</summary>
/// <param name="Result">What became of it.</param>
/// <param name="Status">The instance's status afterwards, when it exists.</param>
/// <param name="Reason">Why it was refused (<see cref="RaiseResult.Invalid"/>, <see cref="RaiseResult.Rejected"/>) or waits (<see cref="RaiseResult.Buffered"/> behind a newer version).</param>
public sealed record RaiseOutcome(RaiseResult Result, InstanceStatus? Status, string? Reason = null);

/// <summary>What became of a start request.</summary>
public enum StartResult
{
    /// <summary>The instance was created and started.</summary>
    Started,

    /// <summary>The instance was created and will start at its scheduled time.</summary>
    Scheduled,

    /// <summary>An instance with that id already exists; it is left as it was.</summary>
    AlreadyExists,

    /// <summary>The decider threw on start: the instance exists, Failed, with the error recorded.</summary>
    Failed,

    /// <summary>The input does not bind to the workflow's start record; nothing was created.</summary>
    Invalid,

    /// <summary>The decider rejected the start; nothing was created.</summary>
    Rejected,
}

/// <summary>What became of a start request, with the instance's status when it exists.</summary>
/// <param name="Result">What became of it.</param>
/// <param name="Status">The instance's status, when it exists.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record StartOutcome(StartResult Result, InstanceStatus? Status, string? Reason = null);

/// <summary>What became of an operator's action (terminate, suspend, resume, purge).</summary>
public enum ControlResult
{
    /// <summary>Done (or already so).</summary>
    Done,

    /// <summary>No such instance.</summary>
    NotFound,

    /// <summary>The instance has ended; only purge acts on it.</summary>
    Finished,

    /// <summary>The action does not apply in the instance's status (purging a running instance, suspending a pending one).</summary>
    InvalidState,
}

/// <summary>What became of an operator's action, with the status afterwards when the instance still exists.</summary>
public sealed record ControlOutcome(ControlResult Result, InstanceStatus? Status);

/// <summary>What became of an event id an instance recorded (see <see cref="WorkflowRuntime.GetEventOutcomeAsync"/>).</summary>
public enum EventResult
{
    /// <summary>It waits in the instance's inbox (the instance is pending, suspended, or behind a newer version).</summary>
    Buffered,

    /// <summary>The decider applied it.</summary>
    Applied,

    /// <summary>It was not applied (its payload did not bind, the decider rejected it, the instance ended or was rewound past it); the reason says which.</summary>
    Refused,

    /// <summary>Its step failed the instance; it waits at the head of the inbox for an administrator's retry or rewind.</summary>
    Failed,
}

/// <summary>What became of an event id an instance recorded, and why when it was not applied.</summary>
/// <param name="EventId">The event's de-duplication id.</param>
/// <param name="Result">Where it stands.</param>
/// <param name="Reason">Why it was refused or failed, or why it waits.</param>
public sealed record EventOutcome(string EventId, EventResult Result, string? Reason = null);
