using Guichet.Deciders;

namespace Guichet.Domain.Tests.Deciding;

/// <summary>
/// Given / When / Then for a decider, as the runtime runs it but with no storage: Given starts an
/// instance and folds events through it (each must be accepted: a refused Given is a broken test), <see cref="When"/>
/// decides one more event. The clock is <see cref="Now"/>, moved by the test.
/// </summary>
internal sealed class Scenario<TStart, TState, TEvent>(Decider<TStart, TState, TEvent> decider, string instanceId, DateTimeOffset now)
    where TStart : notnull
    where TState : notnull
    where TEvent : notnull
{
    private int _events;

    public Decider<TStart, TState, TEvent> Decider => decider;

    public string InstanceId => instanceId;

    public DateTimeOffset Now { get; set; } = now;

    /// <summary>The start's decision.</summary>
    public Decision<TState> Start(TStart input) => decider.Start(input, Context(null, "start"));

    /// <summary>The state after the start and <paramref name="events"/>, all at <see cref="Now"/>.</summary>
    public TState Given(TStart input, params IEnumerable<TEvent> events) => Given(Accepted(Start(input), "start"), events);

    /// <summary>The state after <paramref name="events"/> applied to <paramref name="state"/>, all at <see cref="Now"/>.</summary>
    public TState Given(TState state, params IEnumerable<TEvent> events)
    {
        foreach (var e in events)
        {
            state = Accepted(When(state, e), decider.Events.NameOf(e));
        }

        return state;
    }

    /// <summary>What <paramref name="happened"/> does to <paramref name="state"/> at <see cref="Now"/>.</summary>
    public Decision<TState> When(TState state, TEvent happened, string? actor = null, string? name = null) =>
        decider.Decide(state, happened, Context(actor, name ?? decider.Events.NameOf(happened)));

    /// <summary>Moves the clock on.</summary>
    public Scenario<TStart, TState, TEvent> After(TimeSpan elapsed)
    {
        Now += elapsed;
        return this;
    }

    private EventContext Context(string? actor, string name) =>
        new(instanceId, name, $"e-{++_events}", EventOrigin.External, actor, Now);

    private static TState Accepted(Decision<TState> decision, string name) =>
        decision.IsRejected ? throw new InvalidOperationException($"Given event '{name}' was refused: {decision.Rejection}") : decision.State!;
}
