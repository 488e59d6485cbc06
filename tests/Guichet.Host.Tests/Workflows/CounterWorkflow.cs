using Guichet.Deciders;

namespace Guichet.Host.Tests.Workflows;

/// <summary>A small workflow for driving instances over HTTP: add to a total, remind later, close, fail, or refuse under a rule.</summary>
public sealed class CounterWorkflow : Decider<CounterStart, CounterState, CounterEvent>
{
    public const string TypeName = "counter";

    public override string Type => TypeName;

    public override EventCatalog<CounterEvent> Events { get; } = new EventCatalog<CounterEvent>()
        .Add<Added>("add").Add<RemindLater>("remind").Add<Reminder>("reminder").Add<Close>("close").Add<FailNow>("fail").Add<Noop>("noop");

    public override Decision<CounterState> Start(CounterStart input, EventContext context) => new CounterState(0, "Open");

    public override string StatusOf(CounterState state) => state.Status;

    public override Decision<CounterState> Decide(CounterState state, CounterEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        return happened switch
        {
            Added { Amount: < 0 } => Decision.Reject("Un montant négatif est refusé."),
            Added a => state with { Total = state.Total + a.Amount, Status = "Open" },
            RemindLater => Decision.Accept(state with { Status = "Waiting" }, Timer(context.Now.AddDays(15), new Reminder())),
            Close => Decision.Accept(state with { Status = "Closed" }, new Complete(new { total = state.Total })),
            FailNow => Decision.Accept(state with { Status = "Failing" }, new Fail("asked to fail")),
            _ => state,
        };
    }
}

public sealed record CounterStart;

public sealed record CounterState(int Total, string Status);

public abstract record CounterEvent;

public sealed record Added(int Amount) : CounterEvent;

public sealed record RemindLater : CounterEvent;

public sealed record Reminder : CounterEvent;

public sealed record Close : CounterEvent;

public sealed record FailNow : CounterEvent;

public sealed record Noop : CounterEvent;
