using Guichet.Deciders;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>
/// Two instances that send each other a ball: "serve" sends it to a partner, which returns it, so that the server's
/// step that lands it runs while the server's own serve is still being carried out (a nested inline dispatch). Every
/// step notes itself on the instance's queue, so the order and the copies of its effects show.
/// </summary>
public sealed class RallyWorkflow : Decider<RallyStart, RallyState, RallyEvent>
{
    public const string TypeName = "rally";

    public override string Type => TypeName;

    public override EventCatalog<RallyEvent> Events { get; } = new EventCatalog<RallyEvent>().Add<Serve>("serve").Add<Ball>("ball").Add<Landed>("landed");

    public override Decision<RallyState> Start(RallyStart input, EventContext context) => new RallyState(input.Queue, 0);

    public override string StatusOf(RallyState state) => $"Step{state.Steps}";

    public override Decision<RallyState> Decide(RallyState state, RallyEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var next = state with { Steps = state.Steps + 1 };
        return happened switch
        {
            Serve s => Decision.Accept(next, new SendEvent(s.Partner, "ball", new Ball(context.InstanceId)), Note(state, "served")),
            Ball b => Decision.Accept(next, new SendEvent(b.From, "landed", new Landed()), Note(state, "returned")),
            Landed => Decision.Accept(next, Note(state, "landed")),
            _ => throw new ArgumentException($"unknown event {happened}"),
        };
    }

    private static SendMessage Note(RallyState state, string what) => new(state.Queue, new { what });
}

public sealed record RallyStart(string Queue);

public sealed record RallyState(string Queue, int Steps);

public abstract record RallyEvent;

public sealed record Serve(string Partner) : RallyEvent;

public sealed record Ball(string From) : RallyEvent;

public sealed record Landed : RallyEvent;
