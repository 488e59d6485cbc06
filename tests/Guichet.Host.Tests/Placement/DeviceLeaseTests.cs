using System.Diagnostics;
using Guichet.Domain;
using Guichet.Host.Placement;
using Guichet.Runtime;
using Guichet.Testing;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// The device's matching lease on Azurite, held by two hosts' leases at once. The lease is taken for 30 s; a matching
/// of a long waiting list can last longer (the placement bench's 50,000 dossiers on a loaded machine did), and another
/// matching of the device must not start before it has ended.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class DeviceLeaseTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 120_000)]
    public async Task AMatchingLongerThanTheLease_KeepsIt_SoTheOtherHostWaitsForItsEnd()
    {
        var options = new RuntimeOptions { HubName = UniqueNames.Hub() };
        var (one, two) = (new DeviceLease(azurite.Azurite.Clients(), options), new DeviceLease(azurite.Azurite.Clients(), options));
        var clock = Stopwatch.StartNew();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var longMatching = one.RunAsync(Device.Act, async ct =>
        {
            held.SetResult();
            await Task.Delay(TimeSpan.FromSeconds(40), TimeProvider.System, ct);
            return clock.Elapsed;
        }, CancellationToken.None);
        await held.Task;

        var otherStarted = await two.RunAsync(Device.Act, _ => Task.FromResult(clock.Elapsed), CancellationToken.None);
        var longEnded = await longMatching;

        Assert.True(otherStarted >= longEnded, $"the other matching started at {otherStarted.TotalSeconds:F1} s, before the long one ended at {longEnded.TotalSeconds:F1} s");
    }

    [Fact(Timeout = 60_000)]
    public async Task MatchingsOfOneDeviceOnOneHost_QueueOnTheHost_SoEachAsksStorageForTheLeaseOnce()
    {
        var acquisitions = new LeaseAcquisitions();
        var lease = new DeviceLease(azurite.Azurite.Clients(acquisitions), new RuntimeOptions { HubName = UniqueNames.Hub() });
        var inside = 0;
        var overlapped = false;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => lease.RunAsync(Device.Act, async ct =>
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            await Task.Delay(TimeSpan.FromMilliseconds(700), TimeProvider.System, ct);
            Interlocked.Decrement(ref inside);
            return 0;
        }, CancellationToken.None)));

        Assert.False(overlapped);
        Assert.Equal(4, acquisitions.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task AMatchingServedByTheWaveBeforeIt_ReturnsWhileThatWaveRuns_WithoutAskingForTheLease()
    {
        var acquisitions = new LeaseAcquisitions();
        var lease = new DeviceLease(azurite.Azurite.Clients(acquisitions), new RuntimeOptions { HubName = UniqueNames.Hub() });
        var served = 0;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wave = lease.RunAsync(Device.Act, async ct =>
        {
            held.SetResult();
            Volatile.Write(ref served, 1);
            await Task.Delay(TimeSpan.FromSeconds(15), TimeProvider.System, ct);
            return "wave";
        }, CancellationToken.None);
        await held.Task;

        var queued = await lease.RunAsync(Device.Act, _ => Task.FromResult("its own matching"), _ => Task.FromResult(Volatile.Read(ref served) == 0), "served by the wave", CancellationToken.None);

        Assert.Equal(("served by the wave", false), (queued, wave.IsCompleted));
        Assert.Equal("wave", await wave);
        Assert.Equal(1, acquisitions.Count);
    }

    /// <summary>Counts the requests that ask for a blob lease.</summary>
    private sealed class LeaseAcquisitions : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => _count;

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Headers.TryGetValue("x-ms-lease-action", out var action) && action == "acquire")
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
