using System.Diagnostics;
using System.Text.Json;
using Guichet.Runtime.CrashHost;
using Guichet.Testing;
using Xunit.Abstractions;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>On an Azurite of its own: thousands of queue messages leave its queue service a mark-and-sweep that stalls it for seconds, which must not fall on other tests.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact(Timeout = 300_000)]
    public async Task HostKilledTwentyTimesDuring2000Events_LosesNothing_AppliesNothingTwice()
    {
        await using var azurite = await Azurite.StartAsync();
        var hub = UniqueNames.Hub();
        var scenario = new LedgerScenario(Instances: 20, Events: 2000, Receiver: UniqueNames.Queue("receiver"));
        var input = UniqueNames.Queue("input");
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, realTime: true, workflows: [new LedgerWorkflow()]);
        await scenario.StartAllAsync(h.Runtime);
        var queue = h.Runtime.Storage.Queues.GetQueueClient(input);
        await queue.CreateAsync();
        await Parallel.ForEachAsync(scenario.Stream(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (e, ct) =>
            await queue.SendMessageAsync(JsonSerializer.Serialize(new { instanceId = e.InstanceId, eventId = e.EventId, payload = LedgerScenario.Payload(e.Amount, e.Forward) }), ct));

        var random = new Random(20261123);
        var killedWithWorkLeft = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            using var host = StartHost(azurite, hub, input, untilIdle: false);
            await WaitReadyAsync(host);

            // Killed after a random share of the stream, so every kill falls in the middle of the work.
            var before = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            var target = before - random.Next(30, 90);
            await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount <= target || host.HasExited, "the host got on with the stream");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 50)), TimeProvider.System);
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            var left = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            killedWithWorkLeft += left > 0 ? 1 : 0;
            output.WriteLine($"kill {kill + 1}: {left} messages left");
        }

        using (var last = StartHost(azurite, hub, input, untilIdle: true))
        {
            await last.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal(0, last.ExitCode);
        }

        Assert.True(killedWithWorkLeft >= Kills - 2, $"only {killedWithWorkLeft} kills hit the stream while it ran");
        await scenario.AssertConsistentAsync(h.Runtime);
        var copies = await scenario.AssertReceiverAsync(h.Runtime.Storage);
        output.WriteLine($"receiver got {copies} re-delivered copies, all with the same message id and content");
    }

    private static Process StartHost(Azurite azurite, string hub, string input, bool untilIdle)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Guichet.Runtime.CrashHost.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", dll, azurite.ConnectionString, hub, input },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (untilIdle)
        {
            info.ArgumentList.Add("--until-idle");
        }

        return Process.Start(info) ?? throw new InvalidOperationException("The crash host did not start.");
    }

    private static async Task WaitReadyAsync(Process host)
    {
        var line = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ready", line);
    }
}
