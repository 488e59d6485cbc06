using Guichet.Deciders;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>
/// A workflow whose state is the ordered list of everything applied to it: events by id, timers by name and the
/// event that armed them. Two runs reach the same state only if they applied the same things in the same order,
/// so a reordering, a loss or a double application shows. "refuse" is rejected by rule, "boom" throws.
/// </summary>
public sealed class ChainWorkflow : Decider<ChainStart, ChainState, ChainEvent>
{
    public const string TypeName = "chain";

    /// <summary>The timers an instance may arm; a timer of a name replaces the pending one of that name.</summary>
    public static readonly IReadOnlyList<string> TimerNames = ["tick-a", "tick-b", "tick-c"];

    public override string Type => TypeName;

    public override EventCatalog<ChainEvent> Events { get; } = Catalog();

    public override Decision<ChainState> Start(ChainStart input, EventContext context) => new ChainState();

    public override string StatusOf(ChainState state) => $"Steps{state.Log.Count}";

    public override Decision<ChainState> Decide(ChainState state, ChainEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        return happened switch
        {
            Append => state.With($"e:{context.EventId}"),
            Arm arm => Decision.Accept(state.With($"arm:{context.EventId}"), new ScheduleTimer(arm.Timer, context.Now.AddSeconds(arm.Seconds), new TimerTick(context.EventId))),
            Disarm disarm => Decision.Accept(state.With($"disarm:{context.EventId}"), new CancelTimer(disarm.Timer)),
            TimerTick tick => state.With(Fired(context.EventName, tick.ArmedBy)) with { Fired = state.Fired + 1 },
            Denied => Decision.Reject("refused by rule"),
            Blowup => throw new InvalidOperationException("the decider blew up"),
            _ => throw new ArgumentException($"unknown event {happened}"),
        };
    }

    /// <summary>The log line of a timer that fired.</summary>
    public static string Fired(string timer, string armedBy) => $"t:{timer}@{armedBy}";

    private static EventCatalog<ChainEvent> Catalog()
    {
        var catalog = new EventCatalog<ChainEvent>().Add<Append>("append").Add<Arm>("arm").Add<Disarm>("disarm").Add<Denied>("refuse").Add<Blowup>("boom");
        foreach (var name in TimerNames)
        {
            catalog.Add<TimerTick>(name);
        }

        return catalog;
    }
}

public sealed record ChainStart;

public abstract record ChainEvent;

public sealed record Append : ChainEvent;

/// <summary>Arms timer <paramref name="Timer"/> to fire <paramref name="Seconds"/> after the decision.</summary>
public sealed record Arm(string Timer, int Seconds) : ChainEvent;

public sealed record Disarm(string Timer) : ChainEvent;

/// <summary>A rule says no: refused with a reason, the state unchanged.</summary>
public sealed record Denied : ChainEvent;

/// <summary>A bug: the decider throws, the instance fails until rewound.</summary>
public sealed record Blowup : ChainEvent;

/// <summary>A timer's event; it names the event that armed it.</summary>
public sealed record TimerTick(string ArmedBy) : ChainEvent;

public sealed record ChainState
{
    public IReadOnlyList<string> Log { get; init; } = [];

    public int Fired { get; init; }

    public ChainState With(string line) => this with { Log = [.. Log, line] };
}
