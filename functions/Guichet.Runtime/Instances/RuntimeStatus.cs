namespace Guichet.Runtime.Instances;

/// <summary>Where an instance stands in the runtime, as in Durable Functions.</summary>
public enum RuntimeStatus
{
    /// <summary>Created with a scheduled start that has not come yet; events wait in its inbox.</summary>
    Pending,

    /// <summary>Started and accepting events.</summary>
    Running,

    /// <summary>Suspended by an operator; events wait in its inbox until it is resumed.</summary>
    Suspended,

    /// <summary>Ended by its decider.</summary>
    Completed,

    /// <summary>Ended because its decider threw or asked to fail; the error is recorded.</summary>
    Failed,

    /// <summary>Ended by an operator.</summary>
    Terminated,
}

/// <summary>Helpers on <see cref="RuntimeStatus"/>.</summary>
public static class RuntimeStatusExtensions
{
    /// <summary>Whether the instance has ended and accepts no more events.</summary>
    public static bool IsFinished(this RuntimeStatus status) =>
        status is RuntimeStatus.Completed or RuntimeStatus.Failed or RuntimeStatus.Terminated;
}
