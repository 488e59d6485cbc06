using System.Diagnostics;
using System.Globalization;
using Guichet.Runtime.Workflows;
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

    private sealed class CycleWorkflow : Workflow<CycleState>
    {
        public const string TypeName = "cycle";

        public override string Type => TypeName;

        public override Decision<CycleState> Start(WorkflowStart start, DateTimeOffset now) =>
            new(new CycleState(0, 0), [new ScheduleTimer("deadline", now.AddDays(15)), new ScheduleTimer("commission", now.AddMonths(1))], "Waiting");

        public override Decision<CycleState> Decide(CycleState state, WorkflowEvent happened, DateTimeOffset now)
        {
            var next = state with { Fired = state.Fired + 1, Cycles = state.Cycles + (happened.Name == "commission" ? 1 : 0) };
            IReadOnlyList<Effect> effects = happened.Name == "commission" && next.Cycles < 12 ? [new ScheduleTimer("commission", now.AddMonths(1))] : [];
            return new(next, effects, $"Cycle{next.Cycles}");
        }
    }

    private sealed record CycleState(int Fired, int Cycles);
}
