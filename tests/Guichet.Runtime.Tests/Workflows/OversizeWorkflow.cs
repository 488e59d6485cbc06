using Guichet.Deciders;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>A workflow that asks, on demand, for rows Azure would refuse: each event oversteps one limit.</summary>
public sealed class OversizeWorkflow : Decider<OversizeStart, OversizeState, OversizeEvent>
{
    public const string TypeName = "oversize";

    public override string Type => TypeName;

    public override EventCatalog<OversizeEvent> Events { get; } = new EventCatalog<OversizeEvent>()
        .Add<LongStatus>("long-status").Add<Ancient>("ancient").Add<HeavySend>("heavy-send").Add<Flood>("flood")
        .Add<ManyTimers>("many-timers").Add<Crash>("crash").Add<Touch>("touch")
        .Add<HeavyFinish>("heavy-finish");

    public override Decision<OversizeState> Start(OversizeStart input, EventContext context) => new OversizeState("Open", 0);

    public override string StatusOf(OversizeState state) => state.Status;

    public override Decision<OversizeState> Decide(OversizeState state, OversizeEvent happened, EventContext context) => happened switch
    {
        LongStatus s => state with { Status = new string('s', s.Chars) },
        Ancient => Decision.Accept(state, new ScheduleTimer("touch", DateTimeOffset.MinValue)),
        HeavySend h => Decision.Accept(state, new SendEvent("elsewhere", "touch", new { blob = new string('b', h.Chars) })),
        Flood f => Decision.Accept(state, [.. Enumerable.Range(0, f.Messages).Select(i => new SendMessage("flooded", new { i, text = new string('m', f.Chars) }))]),
        ManyTimers m => Decision.Accept(state with { Batches = state.Batches + 1 }, [.. Enumerable.Range(0, m.Count).Select(i => new ScheduleTimer($"b{state.Batches}-{i}-{new string('t', 80)}", context.Now.AddDays(1)))]),
        HeavyFinish f => Decision.Accept(state, [.. Enumerable.Range(0, f.Sends).Select(i => (Effect)new SendEvent("elsewhere", "touch", new { blob = new string('b', f.Chars) })), new Complete(null)]),
        Crash c => throw new InvalidOperationException(new string('e', c.Chars)),
        _ => state with { Status = "Touched" },
    };
}

public sealed record OversizeStart;

public sealed record OversizeState(string Status, int Batches);

public abstract record OversizeEvent;

public sealed record LongStatus(int Chars) : OversizeEvent;

public sealed record Ancient : OversizeEvent;

public sealed record HeavySend(int Chars) : OversizeEvent;

public sealed record Flood(int Messages, int Chars) : OversizeEvent;

public sealed record ManyTimers(int Count) : OversizeEvent;

public sealed record Crash(int Chars) : OversizeEvent;

public sealed record Touch : OversizeEvent;

/// <summary>Completes the instance in a step that sends <see cref="Sends"/> events of <see cref="Chars"/> characters each.</summary>
public sealed record HeavyFinish(int Sends, int Chars) : OversizeEvent;
