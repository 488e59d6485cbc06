using System.Diagnostics;
using System.Globalization;
using Guichet.Deciders;
using Guichet.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// A 15-day deadline plus twelve monthly cycles, time-skipped on a fake clock against Azurite: the clock
/// jumps to each next due timer and the runtime's timer work fires it. DESIGN §8 asks for under a second.
/// </summary>
internal static class TimeSkip
{
    public static async Task<string> RunAsync(Azurite azurite)
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var runtime = await BenchRuntime.CreateAsync(azurite, "BenchTimeSkip", clock, null, new CycleWorkflow());

        var watch = Stopwatch.StartNew();
        await runtime.StartAsync(CycleWorkflow.TypeName, "cycle-1");
        var fired = 0;
        while (await runtime.FireDueTimersAsync() is { } next)
        {
            clock.SetUtcNow(next);
            fired++;
        }

        watch.Stop();
        var state = (await runtime.GetStatusAsync("cycle-1", withData: true))!.State!.Value;
        return string.Create(CultureInfo.InvariantCulture, $"""
            Time-skipped: a 15-day deadline and twelve monthly cycles (fake clock, Azurite)
              timers fired                         : {state.GetProperty("fired").GetInt32(),8}   (clock moved {fired} times, to {clock.GetUtcNow():yyyy-MM-dd})
              wall time                            : {watch.Elapsed.TotalMilliseconds,8:F0} ms   (target < 1000 ms)

            """);
    }

    private sealed class CycleWorkflow : Decider<CycleStart, CycleState, CycleEvent>
    {
        public const string TypeName = "cycle";

        public override string Type => TypeName;

        public override EventCatalog<CycleEvent> Events { get; } = new EventCatalog<CycleEvent>().Add<Deadline>("deadline").Add<Commission>("commission");

        public override Decision<CycleState> Start(CycleStart input, EventContext context) =>
            Decision.Accept(new CycleState(0, 0), Timer(context.Now.AddDays(15), new Deadline()), Timer(context.Now.AddMonths(1), new Commission()));

        public override Decision<CycleState> Decide(CycleState state, CycleEvent happened, EventContext context)
        {
            var next = state with { Fired = state.Fired + 1, Cycles = state.Cycles + (happened is Commission ? 1 : 0) };
            return happened is Commission && next.Cycles < 12 ? Decision.Accept(next, Timer(context.Now.AddMonths(1), new Commission())) : next;
        }

        public override string StatusOf(CycleState state) => $"Cycle{state.Cycles}";
    }

    private sealed record CycleStart;

    private abstract record CycleEvent;

    private sealed record Deadline : CycleEvent;

    private sealed record Commission : CycleEvent;

    private sealed record CycleState(int Fired, int Cycles);
}
