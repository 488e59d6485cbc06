using System.Text.Json;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Tests.Workflows;

/// <summary>A small workflow for driving instances over HTTP: add to a total, remind later, close or fail.</summary>
public sealed class CounterWorkflow : Workflow<CounterState>
{
    public const string TypeName = "counter";

    public override string Type => TypeName;

    public override Decision<CounterState> Start(WorkflowStart start, DateTimeOffset now) => new(new CounterState(0), "Open");

    public override Decision<CounterState> Decide(CounterState state, WorkflowEvent happened, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(happened);
        return happened.Name switch
        {
            "add" => new(state with { Total = state.Total + happened.Payload.GetProperty("amount").GetInt32() }, "Open"),
            "remind" => new(state, [new ScheduleTimer("reminder", now.AddDays(15))], "Waiting"),
            "close" => new(state, [new Complete(JsonSerializer.SerializeToElement(new { total = state.Total }))], "Closed"),
            "fail" => new(state, [new Fail("asked to fail")], "Failing"),
            _ => new(state, "Open"),
        };
    }
}

public sealed record CounterState(int Total);
