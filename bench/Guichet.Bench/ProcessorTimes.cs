using System.Diagnostics;
using System.Globalization;
using Guichet.Testing;

namespace Guichet.Bench;

/// <summary>
/// Processor time used by the emulator and by this process (the host, when it runs in it), so that a benchmark says
/// which bounds it: Azurite's one Node.js thread, this process, or neither (the latency of requests in flight).
/// </summary>
internal readonly record struct ProcessorTimes(TimeSpan Azurite, TimeSpan Bench)
{
    public static ProcessorTimes Of(Azurite azurite) => new(azurite.ProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);

    public static ProcessorTimes operator -(ProcessorTimes after, ProcessorTimes before) => new(after.Azurite - before.Azurite, after.Bench - before.Bench);

    /// <summary>Milliseconds per item on each side, and each side's share of one core over <paramref name="elapsed"/>.</summary>
    public string PerItem(int items, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"Azurite {Azurite.TotalMilliseconds / items:F2} ms ({Azurite / elapsed:P0} of a core), bench process {Bench.TotalMilliseconds / items:F2} ms ({Bench / elapsed:P0} of a core)");
}
