using System.Text.Json.Nodes;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>Version 1: a count, events "add" {amount}, a timer "close" with payload {note}.</summary>
public sealed class TallyV1 : Workflow<TallyV1.State>
{
    public sealed record State(int Count);

    public override string Type => "tally";

    public override Decision<State> Start(WorkflowStart start, DateTimeOffset now) =>
        new(new State(0), [new ScheduleTimer("close", now.AddDays(10), ProbeWorkflow.Json(new { note = "fin" }))], "Open");

    public override Decision<State> Decide(State state, WorkflowEvent happened, DateTimeOffset now) =>
        new(state with { Count = state.Count + happened.Payload.GetProperty("amount").GetInt32() }, "Open");
}

/// <summary>Version 2: the count moved into a tally with a label; "add" carries {value}; the timer's payload {note} became {reason}.</summary>
public sealed class TallyV2 : Workflow<TallyV2.State>
{
    public sealed record Tally(int Count, string Label);

    public sealed record State(Tally Tally, string? ClosedBecause);

    public override string Type => "tally";

    public override int Version => 2;

    public override Decision<State> Start(WorkflowStart start, DateTimeOffset now) =>
        new(new State(new Tally(0, "v2"), null), [new ScheduleTimer("close", now.AddDays(10), ProbeWorkflow.Json(new { reason = "fin" }))], "Open");

    public override Decision<State> Decide(State state, WorkflowEvent happened, DateTimeOffset now) => happened.Name switch
    {
        "close" => new(state with { ClosedBecause = happened.Payload.GetProperty("reason").GetString() }, [new Complete()], "Closed"),
        _ => new(state with { Tally = state.Tally with { Count = state.Tally.Count + happened.Payload.GetProperty("value").GetInt32() } }, "Open"),
    };

    protected override JsonNode UpcastState(JsonNode state, int fromVersion) =>
        new JsonObject { ["tally"] = new JsonObject { ["count"] = state["count"]!.GetValue<int>(), ["label"] = "from v1" } };

    protected override JsonNode? UpcastEvent(string name, JsonNode? payload, int fromVersion) => name switch
    {
        "close" => new JsonObject { ["reason"] = payload?["note"]?.GetValue<string>() },
        _ => payload,
    };
}
