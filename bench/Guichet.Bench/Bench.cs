using System.Globalization;
using Guichet.Testing;

namespace Guichet.Bench;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/Guichet.Bench [runtime|queues|timeskip|timers|idle|all] [events] [rounds]</c>.
/// Starts its own Azurite (in memory, free ports) and prints each figure next to its raw baseline.
/// (A named entry point, because the host's top-level <c>Program</c> is referenced here.)
/// </summary>
internal static class Bench
{
    public static async Task Main(string[] args)
    {
        var what = args.FirstOrDefault() ?? "all";
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

        await using var azurite = await Azurite.StartAsync();
        if (what is "runtime" or "all")
        {
            Console.WriteLine(await RuntimeThroughput.RunAsync(azurite, events, concurrency: 8, rounds));
        }

        if (what is "queues" or "all")
        {
            Console.WriteLine(await Queues.QueueThroughput.RunAsync(azurite.ConnectionString, events));
        }

        if (what is "timeskip" or "all")
        {
            Console.WriteLine(await TimeSkip.RunAsync(azurite));
        }

        if (what is "timers" or "all")
        {
            Console.WriteLine(await TimerLateness.RunAsync(azurite, idle: TimeSpan.FromSeconds(15)));
        }

        if (what is "idle" or "all")
        {
            Console.WriteLine(await IdleCost.RunAsync(azurite));
            Console.WriteLine(await HostIdleCost.RunAsync(azurite));
        }
    }
}
