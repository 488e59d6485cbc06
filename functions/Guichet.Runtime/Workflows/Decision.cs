namespace Guichet.Runtime.Workflows;

/// <summary>What a decider returns: the new state, the effects to carry out, and the lifecycle state shown as custom status.</summary>
public sealed record Decision<TState>(TState State, IReadOnlyList<Effect> Effects, string? CustomStatus)
{
    /// <summary>A decision with no effect.</summary>
    public Decision(TState state, string? customStatus)
        : this(state, [], customStatus)
    {
    }
}
