using System.Text.Json.Nodes;
using Guichet.Deciders;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>Version 1: a count, events "add" {amount}, a timer "close" with payload {note}.</summary>
public sealed class TallyV1 : Decider<TallyStart, TallyV1.State, TallyV1.TallyEvent>
{
    public sealed record State(int Count);

    public abstract record TallyEvent;

    public sealed record Added(int Amount) : TallyEvent;

    public sealed record Closing(string Note) : TallyEvent;

    public override string Type => "tally";

    public override EventCatalog<TallyEvent> Events { get; } = new EventCatalog<TallyEvent>().Add<Added>("add").Add<Closing>("close");

    public override Decision<State> Start(TallyStart input, EventContext context) =>
        Decision.Accept(new State(0), Timer(context.Now.AddDays(10), new Closing("fin")));

    public override Decision<State> Decide(State state, TallyEvent happened, EventContext context) => happened switch
    {
        Added a => state with { Count = state.Count + a.Amount },
        _ => state,
    };

    public override string StatusOf(State state) => "Open";
}

/// <summary>Version 2: the count moved into a tally with a label; "add" carries {value}; the timer's payload {note} became {reason}.</summary>
public sealed class TallyV2 : Decider<TallyStart, TallyV2.State, TallyV2.TallyEvent>
{
    public sealed record Tally(int Count, string Label);

    public sealed record State(Tally Tally, string? ClosedBecause);

    public abstract record TallyEvent;

    public sealed record Added(int Value) : TallyEvent;

    public sealed record Closing(string Reason) : TallyEvent;

    public override string Type => "tally";

    public override int Version => 2;

    public override EventCatalog<TallyEvent> Events { get; } = new EventCatalog<TallyEvent>().Add<Added>("add").Add<Closing>("close");

    public override Decision<State> Start(TallyStart input, EventContext context) =>
        Decision.Accept(new State(new Tally(0, "v2"), null), Timer(context.Now.AddDays(10), new Closing("fin")));

    public override Decision<State> Decide(State state, TallyEvent happened, EventContext context) => happened switch
    {
        Closing c => Decision.Accept(state with { ClosedBecause = c.Reason }, new Complete()),
        Added a => state with { Tally = state.Tally with { Count = state.Tally.Count + a.Value } },
        _ => state,
    };

    public override string StatusOf(State state) => state.ClosedBecause is null ? "Open" : "Closed";

    public override JsonNode UpcastState(JsonNode state, int fromVersion) =>
        new JsonObject { ["tally"] = new JsonObject { ["count"] = state["count"]!.GetValue<int>(), ["label"] = "from v1" } };

    public override JsonNode? UpcastEvent(string name, JsonNode? payload, int fromVersion) => name switch
    {
        "close" => new JsonObject { ["reason"] = payload?["note"]?.GetValue<string>() },
        _ => payload,
    };
}

public sealed record TallyStart;
