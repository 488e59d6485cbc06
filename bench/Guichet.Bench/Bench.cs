using System.Globalization;
using Guichet.Runtime.Queues;
using Guichet.Testing;

namespace Guichet.Bench;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/Guichet.Bench [all|runtime,queues,timeskip,timers,idle,growth,intake,ranking,matching,placement] [events] [rounds]</c>
/// (for <c>placement</c>: <c>[waiting dossiers, 5000] [places, 50] [places declared at once, 10]</c>; for <c>intake</c>: <c>[messages, at most 1000] [newBatchThreshold of both sides, 8]</c>).
/// Each measurement starts its own Azurite (in memory, free ports) and prints its figure next to its raw
/// baseline measured on that same Azurite. A fresh emulator each time, because Azurite's queue service
/// stalls for seconds in its mark-and-sweep after thousands of messages, which would be charged to the next.
/// (A named entry point, because the host's top-level <c>Program</c> is referenced here.)
/// </summary>
internal static class Bench
{
    public static async Task Main(string[] args)
    {
        var what = (args.FirstOrDefault() ?? "all").Split(',');
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var measurements = new (string Name, Func<Azurite, Task<string>> Run)[]
        {
            ("runtime", a => RuntimeThroughput.RunAsync(a, events, concurrency: 8, rounds)),
            ("queues", a => Queues.QueueThroughput.RunAsync(a.ConnectionString, events)),
            ("timeskip", TimeSkip.RunAsync),
            ("timers", a => TimerLateness.RunAsync(a, idle: TimeSpan.FromSeconds(15))),
            ("idle", IdleCost.RunAsync),
            ("idle", HostIdleCost.RunAsync),
            ("growth", GrowthCost.RunAsync),
            ("intake", a => IntakeThroughput.RunAsync(a, Math.Min(events, 1000), new QueueTriggerOptions { BatchSize = 16, NewBatchThreshold = args.Length > 2 ? rounds : 8 })),
            ("placement", a => PlacementThroughput.RunAsync(a, waiting: args.Length > 1 ? events : 5000, vacancies: args.Length > 2 ? rounds : 50, wave: args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10)),
        };
        // The pure domain needs no storage: measured without starting Azurite.
        if (what.Contains("ranking") || what.Contains("all"))
        {
            Console.WriteLine(RankingBench.Run());
        }

        if (what.Contains("matching") || what.Contains("all"))
        {
            Console.WriteLine(MatchingBench.Run());
        }

        foreach (var (name, run) in measurements.Where(m => what.Contains(m.Name) || what.Contains("all")))
        {
            await using var azurite = await Azurite.StartAsync();
            Console.WriteLine(await run(azurite));
        }
    }
}
