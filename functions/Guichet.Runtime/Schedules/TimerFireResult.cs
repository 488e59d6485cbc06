namespace Guichet.Runtime.Schedules;

/// <summary>What became of an attempt to fire an occurrence of a timer trigger.</summary>
public enum TimerFireResult
{
    /// <summary>This host ran the handler and recorded the occurrence.</summary>
    Fired,

    /// <summary>The occurrence (or a later one) was already recorded, by this host or another; nothing ran.</summary>
    AlreadyFired,

    /// <summary>Another host held the timer's lease throughout; nothing ran here.</summary>
    Busy,

    /// <summary>No occurrence was due and unrecorded; nothing ran.</summary>
    NotDue,
}
