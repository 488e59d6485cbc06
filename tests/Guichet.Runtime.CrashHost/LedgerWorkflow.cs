using Guichet.Deciders;

namespace Guichet.Runtime.CrashHost;

/// <summary>
/// The crash tests' workflow: "credit" adds an amount, tells a receiver queue, may forward the amount to another
/// instance ("forwarded"), and arms (or re-arms) a short real-time "settle" timer whose firing counts a settlement
/// and tells the receiver too. Its totals are order-independent, so runs with different interleavings compare.
/// </summary>
public sealed class LedgerWorkflow : Decider<LedgerStart, LedgerState, LedgerEvent>
{
    public const string TypeName = "ledger";

    /// <summary>The timer a credit arms, replacing the one pending.</summary>
    public const string SettleTimer = "settle";

    public override string Type => TypeName;

    public override EventCatalog<LedgerEvent> Events { get; } = new EventCatalog<LedgerEvent>()
        .Add<Credit>("credit").Add<Forwarded>("forwarded").Add<Settle>(SettleTimer);

    public override Decision<LedgerState> Start(LedgerStart input, EventContext context) => new LedgerState { Receiver = input.Receiver };

    public override string StatusOf(LedgerState state) => "Open";

    public override Decision<LedgerState> Decide(LedgerState state, LedgerEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        switch (happened)
        {
            case Forwarded forwarded:
                return state with { Received = state.Received + forwarded.Amount, ForwardCount = state.ForwardCount + 1 };
            case Settle:
                var settled = state with { Settled = state.Settled + 1 };
                return Decision.Accept(settled, new SendMessage(state.Receiver, new { settlement = settled.Settled, instanceId = context.InstanceId, timerEventId = context.EventId }));
        }

        var credit = (Credit)happened;
        var next = state with { Total = state.Total + credit.Amount, Count = state.Count + 1 };
        var effects = new List<Effect>
        {
            new SendMessage(state.Receiver, new { eventId = context.EventId, amount = credit.Amount }),
            new ScheduleTimer(SettleTimer, context.Now.AddSeconds(1 + credit.Amount % 3), new Settle()),
        };
        if (credit.Forward is { } target)
        {
            effects.Add(new SendEvent(target, "forwarded", new Forwarded(credit.Amount)));
        }

        return Decision.Accept(next, effects);
    }
}

public sealed record LedgerStart(string Receiver);

public abstract record LedgerEvent;

public sealed record Credit(int Amount, string? Forward = null) : LedgerEvent;

public sealed record Forwarded(int Amount) : LedgerEvent;

public sealed record Settle : LedgerEvent;

public sealed record LedgerState
{
    public string Receiver { get; init; } = "";
    public long Total { get; init; }
    public int Count { get; init; }
    public long Received { get; init; }
    public int ForwardCount { get; init; }

    /// <summary>How many settle timers fired.</summary>
    public int Settled { get; init; }
}
