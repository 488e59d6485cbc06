using Guichet.Deciders;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>
/// A workflow whose decider (or its start) can be deployed broken or fixed (rewind and retry), in any version, that sends events to others and
/// hears back when they are refused (<see cref="DeliveryFailed"/>), and keeps a "tick" timer.
/// </summary>
public sealed class RelayWorkflow(bool broken = false, bool brokenStart = false, int version = 1) : Decider<RelayStart, RelayState, RelayEvent>
{
    public const string TypeName = "relay";

    public override string Type => TypeName;

    public override int Version => version;

    public override EventCatalog<RelayEvent> Events { get; } = new EventCatalog<RelayEvent>()
        .Add<Ping>("ping").Add<Relay>("relay").Add<Tick>("tick").Add<TickLater>("tick-later").Add<Refused>(DeliveryFailed.EventName);

    public override Decision<RelayState> Start(RelayStart input, EventContext context) =>
        brokenStart ? throw new InvalidOperationException("this version cannot start") : new RelayState(0, 0, []);

    public override string StatusOf(RelayState state) => $"Pinged{state.Pings}";

    public override Decision<RelayState> Decide(RelayState state, RelayEvent happened, EventContext context) => happened switch
    {
        Ping when broken => throw new InvalidOperationException("this version cannot count"),
        Ping p => state with { Pings = state.Pings + p.N },
        Relay r => Decision.Accept(state, new SendEvent(r.Target, r.EventName, r.Payload ?? (object)new { n = 1 })),
        TickLater t => Decision.Accept(state, Timer(t.At, new Tick())),
        Tick => state with { Ticks = state.Ticks + 1 },
        Refused { SentEventName: "unheard" } => Decision.Reject("Cet avis n'est pas attendu."),
        Refused r => state with { Refusals = [.. state.Refusals, r.Reason] },
        _ => state,
    };
}

public sealed record RelayStart;

public sealed record RelayState(int Pings, int Ticks, IReadOnlyList<string> Refusals);

public abstract record RelayEvent;

public sealed record Ping(int N) : RelayEvent;

public sealed record Relay(string Target, string EventName, System.Text.Json.JsonElement? Payload = null) : RelayEvent;

public sealed record Tick : RelayEvent;

public sealed record TickLater(DateTimeOffset At) : RelayEvent;

/// <summary>The runtime's <see cref="DeliveryFailed"/>, as this workflow's event.</summary>
public sealed record Refused(string TargetInstanceId, string SentEventName, string Reason) : RelayEvent;
