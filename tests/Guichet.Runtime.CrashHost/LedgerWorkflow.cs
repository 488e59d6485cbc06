using Guichet.Deciders;

namespace Guichet.Runtime.CrashHost;

/// <summary>
/// The crash tests' workflow: "credit" adds an amount, tells a receiver queue, and may forward the amount to
/// another instance ("forwarded"). Its state is order-independent, so runs with different interleavings compare.
/// </summary>
public sealed class LedgerWorkflow : Decider<LedgerStart, LedgerState, LedgerEvent>
{
    public const string TypeName = "ledger";

    public override string Type => TypeName;

    public override EventCatalog<LedgerEvent> Events { get; } = new EventCatalog<LedgerEvent>().Add<Credit>("credit").Add<Forwarded>("forwarded");

    public override Decision<LedgerState> Start(LedgerStart input, EventContext context) => new LedgerState { Receiver = input.Receiver };

    public override string StatusOf(LedgerState state) => "Open";

    public override Decision<LedgerState> Decide(LedgerState state, LedgerEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (happened is Forwarded forwarded)
        {
            return state with { Received = state.Received + forwarded.Amount, ForwardCount = state.ForwardCount + 1 };
        }

        var credit = (Credit)happened;
        var next = state with { Total = state.Total + credit.Amount, Count = state.Count + 1 };
        var effects = new List<Effect> { new SendMessage(state.Receiver, new { eventId = context.EventId, amount = credit.Amount }) };
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

public sealed record LedgerState
{
    public string Receiver { get; init; } = "";
    public long Total { get; init; }
    public int Count { get; init; }
    public long Received { get; init; }
    public int ForwardCount { get; init; }
}
