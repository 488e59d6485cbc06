using System.Diagnostics;

namespace Guichet.Bench;

/// <summary>Runs an operation over many items with a fixed concurrency and returns the rate per second.</summary>
internal static class Measure
{
    public static async Task<double> RateAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await operation(i));
        return count / clock.Elapsed.TotalSeconds;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
