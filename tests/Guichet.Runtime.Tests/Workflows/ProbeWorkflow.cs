using System.Text.Json;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>
/// A workflow made for testing the runtime: each event asks for one kind of effect, and the state keeps
/// what was applied so that a test can fold the history and compare.
/// </summary>
public sealed class ProbeWorkflow : Workflow<ProbeState>
{
    public const string TypeName = "probe";

    public override string Type => TypeName;

    public override Decision<ProbeState> Start(WorkflowStart start, DateTimeOffset now)
    {
        var queue = start.Input.ValueKind == JsonValueKind.Object && start.Input.TryGetProperty("queue", out var q) ? q.GetString() : null;
        return new(new ProbeState { Queue = queue, StartedAt = now }, "Started");
    }

    public override Decision<ProbeState> Decide(ProbeState state, WorkflowEvent happened, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(happened);
        var applied = state with { Applied = [.. state.Applied, happened.EventId] };
        if (happened.Origin == EventOrigin.Timer)
        {
            return Fired(applied, happened.Name, now);
        }

        var p = happened.Payload;
        return happened.Name switch
        {
            "add" => Add(applied, p.GetProperty("amount").GetInt32()),
            "schedule" => new(applied, [new ScheduleTimer(p.GetProperty("name").GetString()!, p.GetProperty("dueAt").GetDateTimeOffset())], "Waiting"),
            "cancel" => new(applied, [new CancelTimer(p.GetProperty("name").GetString()!)], "Cancelled"),
            "forward" => new(applied, [new SendEvent(p.GetProperty("target").GetString()!, "add", Json(new { amount = p.GetProperty("amount").GetInt32() }))], "Forwarded"),
            "finish" => new(applied, [new Complete(Json(new { total = state.Total }))], "Finished"),
            "fail" => new(applied, [new Fail("asked to fail")], "Failing"),
            "boom" => throw new InvalidOperationException("the decider blew up"),
            _ => throw new ArgumentException($"unknown event {happened.Name}"),
        };
    }

    private static Decision<ProbeState> Add(ProbeState state, int amount)
    {
        var next = state with { Total = state.Total + amount, Count = state.Count + 1 };
        IReadOnlyList<Effect> effects = state.Queue is null
            ? []
            : [new SendMessage(state.Queue, Json(new { count = next.Count, amount }))];
        return new(next, effects, $"Count{next.Count}");
    }

    private static Decision<ProbeState> Fired(ProbeState state, string name, DateTimeOffset now)
    {
        var next = state with { Fired = [.. state.Fired, new FiredTimer(name, now)] };
        var monthly = next.Fired.Count(f => f.Name == "monthly");
        IReadOnlyList<Effect> effects = name == "monthly" && monthly < 12
            ? [new ScheduleTimer("monthly", now.AddMonths(1))]
            : [];
        return new(next, effects, $"Fired{next.Fired.Count}");
    }

    public static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, WorkflowJson.Options);
}

public sealed record ProbeState
{
    public string? Queue { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int Total { get; init; }
    public int Count { get; init; }
    public IReadOnlyList<string> Applied { get; init; } = [];
    public IReadOnlyList<FiredTimer> Fired { get; init; } = [];
}

public sealed record FiredTimer(string Name, DateTimeOffset At);
