using System.Globalization;
using Guichet.Domain;
using Guichet.Runtime;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Storage;

namespace Guichet.Host.Demo;

/// <summary>
/// <c>dotnet run --project functions/Guichet.Host -- demo [--count 200] [--device ACT] [--seed 2026]</c>: puts that
/// many fictional requests (<see cref="FictionalRequests"/>) on <c>dossiers-intake</c> of the configured storage
/// (Azurite by default), for a running app to take, then exits.
/// </summary>
public static class DemoCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "demo";

    /// <summary>The intake queue the requests go to.</summary>
    public const string IntakeQueue = "dossiers-intake";

    /// <summary>Whether the arguments ask for this command.</summary>
    public static bool IsInvoked(string[] args) => args is [Name, ..];

    /// <summary>Sends the requests (to <paramref name="queueName"/>, the intake queue unless a test names another) and returns 0, or explains the problem on <paramref name="error"/> and returns 2.</summary>
    public static async Task<int> RunAsync(string[] args, StorageClients storage, TimeProvider time, TextWriter output, TextWriter error, string queueName = IntakeQueue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args.Skip(1).ToList(), out var count, out var device, out var seed, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine("usage: demo [--count <1-100000>] [--device ACT|LHSS|LAM] [--seed <n>]");
            return 2;
        }

        var queue = storage.Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var requests = FictionalRequests.Generate(count, device, time.GetUtcNow(), seed);
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (request, ct) =>
            await queue.SendMessageAsync(MessageText.Encode(FictionalRequests.ToMessage(request), MessageEncoding.Base64), ct));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} demandes fictives ({WireName.Of(device)}) déposées sur {queueName}."));
        return 0;
    }

    private static bool TryParse(List<string> args, out int count, out Device device, out int seed, out string problem)
    {
        (count, device, seed, problem) = (200, Device.Act, 2026, "");
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            var ok = (args[i], value) switch
            {
                ("--count", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000 => Set(ref count, n),
                ("--device", { } v) when WireName.TryParse<Device>(v, out var d) => Set(ref device, d),
                ("--seed", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var s) => Set(ref seed, s),
                _ => false,
            };
            if (!ok)
            {
                problem = $"Unexpected argument '{args[i]} {value}'.";
                return false;
            }
        }

        return true;
    }

    private static bool Set<T>(ref T target, T value)
    {
        target = value;
        return true;
    }
}
