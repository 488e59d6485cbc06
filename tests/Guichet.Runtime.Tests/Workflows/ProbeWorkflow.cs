using System.Text.Json;
using Guichet.Deciders;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>
/// A workflow made for testing the runtime: each event asks for one kind of effect, and the state keeps what
/// was applied so that a test can fold the history and compare. Its timers raise <see cref="TimerDue"/>.
/// </summary>
public sealed class ProbeWorkflow : Decider<ProbeStart, ProbeState, ProbeEvent>
{
    public const string TypeName = "probe";

    /// <summary>The timer names tests schedule.</summary>
    public static readonly IReadOnlyList<string> TimerNames = ["t", "deadline", "reply", "monthly", "soon", "later"];

    public override string Type => TypeName;

    public override EventCatalog<ProbeEvent> Events { get; } = Catalog();

    public override Decision<ProbeState> Start(ProbeStart input, EventContext context) =>
        new ProbeState { Queue = input.Queue, StartedAt = context.Now, Status = "Started" };

    public override string StatusOf(ProbeState state) => state.Status;

    public override Decision<ProbeState> Decide(ProbeState state, ProbeEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var applied = state with { Applied = [.. state.Applied, context.EventId] };
        return happened switch
        {
            TimerDue => Fired(applied, context),
            Add add => Added(applied, add.Amount),
            Schedule s => Decision.Accept(applied with { Status = "Waiting" }, new ScheduleTimer(s.Name, s.DueAt, s.RefuseWith is null ? null : new Refuse(s.RefuseWith))),
            Cancel c => Decision.Accept(applied with { Status = "Cancelled" }, new CancelTimer(c.Name)),
            Forward f => Decision.Accept(applied with { Status = "Forwarded" }, new SendEvent(f.Target, "add", new Add(f.Amount))),
            Finish => Decision.Accept(applied with { Status = "Finished" }, new Complete(new { total = state.Total })),
            FailNow => Decision.Accept(applied with { Status = "Failing" }, new Fail("asked to fail")),
            Refuse r => Decision.Reject(r.Why),
            Boom => throw new InvalidOperationException("the decider blew up"),
            _ => throw new ArgumentException($"unknown event {happened}"),
        };
    }

    public static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, WorkflowJson.Options);

    private static Decision<ProbeState> Added(ProbeState state, int amount)
    {
        var next = state with { Total = state.Total + amount, Count = state.Count + 1 };
        next = next with { Status = $"Count{next.Count}" };
        return state.Queue is null ? next : Decision.Accept(next, new SendMessage(state.Queue, new { count = next.Count, amount }));
    }

    /// <summary>A "monthly" timer schedules the next month, twelve times.</summary>
    private static Decision<ProbeState> Fired(ProbeState state, EventContext context)
    {
        var name = context.EventName;
        var next = state with { Fired = [.. state.Fired, new FiredTimer(name, context.Now)] };
        next = next with { Status = $"Fired{next.Fired.Count}" };
        return name == "monthly" && next.Fired.Count(f => f.Name == "monthly") < 12
            ? Decision.Accept(next, new ScheduleTimer("monthly", context.Now.AddMonths(1)))
            : next;
    }

    private static EventCatalog<ProbeEvent> Catalog()
    {
        var catalog = new EventCatalog<ProbeEvent>()
            .Add<Add>("add").Add<Schedule>("schedule").Add<Cancel>("cancel").Add<Forward>("forward")
            .Add<Finish>("finish").Add<FailNow>("fail").Add<Refuse>("refuse").Add<Boom>("boom");
        foreach (var name in TimerNames)
        {
            catalog.Add<TimerDue>(name);
        }

        return catalog;
    }
}

public sealed record ProbeStart(string? Queue = null);

public abstract record ProbeEvent;

public sealed record Add(int Amount, string? Text = null) : ProbeEvent;

/// <summary>Schedules a timer; with <paramref name="RefuseWith"/>, a timer named "refuse" raises a rejection.</summary>
public sealed record Schedule(string Name, DateTimeOffset DueAt, string? RefuseWith = null) : ProbeEvent;

public sealed record Cancel(string Name) : ProbeEvent;

public sealed record Forward(string Target, int Amount) : ProbeEvent;

public sealed record Finish : ProbeEvent;

public sealed record FailNow : ProbeEvent;

public sealed record Refuse(string Why) : ProbeEvent;

public sealed record Boom : ProbeEvent;

public sealed record TimerDue : ProbeEvent;

public sealed record ProbeState
{
    public string? Queue { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public string Status { get; init; } = "Started";
    public int Total { get; init; }
    public int Count { get; init; }
    public IReadOnlyList<string> Applied { get; init; } = [];
    public IReadOnlyList<FiredTimer> Fired { get; init; } = [];
}

public sealed record FiredTimer(string Name, DateTimeOffset At);
