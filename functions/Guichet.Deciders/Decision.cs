namespace Guichet.Deciders;

/// <summary>
/// What a decider returns: either the new state and the effects to carry out, committed together, or a
/// rejection with its reason, which commits nothing and leaves the instance as it was.
/// </summary>
/// <typeparam name="TState">The workflow's state.</typeparam>
public sealed record Decision<TState>
    where TState : notnull
{
    internal Decision(TState? state, IReadOnlyList<Effect> effects, string? rejection)
    {
        State = state;
        Effects = effects;
        Rejection = rejection;
    }

    /// <summary>The new state; the default when rejected.</summary>
    public TState? State { get; }

    /// <summary>The effects to carry out once the new state is committed; none when rejected.</summary>
    public IReadOnlyList<Effect> Effects { get; }

    /// <summary>Why the event was refused, in words shown to the person who sent it; null when accepted.</summary>
    public string? Rejection { get; }

    /// <summary>Whether the event was refused.</summary>
    public bool IsRejected => Rejection is not null;

    /// <summary>A state alone is a decision that accepts it with no effect.</summary>
    public static implicit operator Decision<TState>(TState state) => Decision.Accept(state);

    /// <summary>A rejection is a decision of any workflow.</summary>
    public static implicit operator Decision<TState>(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(default, [], rejection.Reason);
    }
}

/// <summary>Builds decisions: <c>Decision.Accept(state, effects…)</c>, or <c>Decision.Reject("why")</c>.</summary>
public static class Decision
{
    /// <summary>The event is accepted: the new state, and the effects it causes.</summary>
    public static Decision<TState> Accept<TState>(TState state, params IReadOnlyList<Effect> effects)
        where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(effects);
        return new(state, effects, null);
    }

    /// <summary>The event is refused for <paramref name="reason"/>; nothing changes. Converts to a decision of any workflow.</summary>
    public static Rejection Reject(string reason) => Rejection.Because(reason);
}
