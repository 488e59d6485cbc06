using System.Globalization;
using System.Text.Json;
using Guichet.Runtime;
using Guichet.Deciders;
using Guichet.Runtime.Workflows;
using Guichet.Testing;

namespace Guichet.Bench;

/// <summary>
/// How late durable timers fire on the real clock: after the listeners sat idle, 50 instances each schedule
/// four timers due over the next 20 seconds; each firing records the clock, lateness = fired - due.
/// </summary>
internal static class TimerLateness
{
    private const int Instances = 50;

    public static async Task<string> RunAsync(Azurite azurite, TimeSpan idle)
    {
        var runtime = await BenchRuntime.CreateAsync(azurite, "BenchLateness", TimeProvider.System, null, new AlarmWorkflow());
        await using (await BenchRuntime.WithListenersAsync(runtime))
        {
            await Task.Delay(idle, TimeProvider.System);
            await ScheduleAndWaitAsync(runtime);
        }

        return await ReportAsync(runtime, idle);
    }

    private static async Task ScheduleAndWaitAsync(WorkflowRuntime runtime)
    {

        var start = TimeProvider.System.GetUtcNow();
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), async (i, ct) =>
        {
            var dues = Enumerable.Range(0, 4).Select(k => start.AddSeconds(2 + (i * 4 + k) % 20)).ToArray();
            await runtime.StartAsync(AlarmWorkflow.TypeName, $"alarm-{i}", JsonSerializer.SerializeToElement(new { dues }, WorkflowJson.Options), cancellationToken: ct);
        });
        await Task.Delay(TimeSpan.FromSeconds(30), TimeProvider.System);
    }

    private static async Task<string> ReportAsync(WorkflowRuntime runtime, TimeSpan idle)
    {
        var lateness = new List<double>();
        for (var i = 0; i < Instances; i++)
        {
            var state = (await runtime.GetStatusAsync($"alarm-{i}", withData: true))!.State!.Value;
            lateness.AddRange(state.EnumerateArray().Select(f => f.GetProperty("lateMs").GetDouble()));
        }

        lateness.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"""
            Durable timer lateness on the real clock, after {idle.TotalSeconds:F0} s idle ({lateness.Count} of {Instances * 4} timers fired)
              p50 / p99 / max lateness             : {Percentile(lateness, 0.50),6:F0} / {Percentile(lateness, 0.99):F0} / {lateness[^1]:F0} ms   (target p99 < 5000 ms)

            """);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private sealed class AlarmWorkflow : Decider<Alarms, List<Fired>, Ring>
    {
        public const string TypeName = "alarm";

        public override string Type => TypeName;

        public override EventCatalog<Ring> Events { get; } = Catalog();

        public override Decision<List<Fired>> Start(Alarms input, EventContext context) =>
            Decision.Accept(new List<Fired>(), [.. input.Dues.Select((due, k) => new ScheduleTimer($"alarm-{k}", due, new Ring(due)))]);

        public override Decision<List<Fired>> Decide(List<Fired> state, Ring happened, EventContext context) =>
            new List<Fired>([.. state, new Fired((context.Now - happened.Due).TotalMilliseconds)]);

        public override string StatusOf(List<Fired> state) => "Waiting";

        private static EventCatalog<Ring> Catalog()
        {
            var catalog = new EventCatalog<Ring>();
            for (var k = 0; k < 4; k++)
            {
                catalog.Add<Ring>($"alarm-{k}");
            }

            return catalog;
        }
    }

    private sealed record Alarms(DateTimeOffset[] Dues);

    private sealed record Ring(DateTimeOffset Due);

    private sealed record Fired(double LateMs);
}
