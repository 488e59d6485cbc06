using Guichet.Bench;
using Guichet.Testing;

// Usage: dotnet run -c Release --project bench/Guichet.Bench [runtime|queues|timeskip|idle|all] [events] [rounds]
// Starts its own Azurite (in memory, free ports) and prints each figure next to its raw baseline.
var what = args.FirstOrDefault() ?? "all";
var events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;

await using var azurite = await Azurite.StartAsync();
if (what is "runtime" or "all")
{
    Console.WriteLine(await RuntimeThroughput.RunAsync(azurite, events, concurrency: 8, rounds));
}

if (what is "queues" or "all")
{
    Console.WriteLine(await Guichet.Bench.Queues.QueueThroughput.RunAsync(azurite.ConnectionString, events));
}

if (what is "timeskip" or "all")
{
    Console.WriteLine(await TimeSkip.RunAsync(azurite));
}

if (what is "idle" or "all")
{
    Console.WriteLine(await IdleCost.RunAsync(azurite));
}
