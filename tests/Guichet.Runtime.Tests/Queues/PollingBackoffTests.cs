using Guichet.Runtime.Queues;
using Guichet.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests.Queues;

[Collection(AzuriteGroup.Name)]
public sealed class PollingBackoffTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task IdleQueue_ReceivesBackOffToMaxPollingInterval_AndAMessageResetsThem()
    {
        var clock = new FakeTimeProvider(RuntimeHarness.Epoch);
        var counter = new ReceiveCounter(clock);
        var options = new QueueTriggerOptions { MaxPollingInterval = TimeSpan.FromMinutes(2), MinPollingInterval = TimeSpan.FromMilliseconds(100) };
        await using var h = new ListenerHarness(azurite, options, azurite.Azurite.Clients(counter), clock);
        var handled = 0;
        await h.StartAsync((_, _) => { Interlocked.Increment(ref handled); return Task.CompletedTask; });

        await AdvanceAsync(clock, counter, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50));
        await AdvanceAsync(clock, counter, TimeSpan.FromMinutes(58), TimeSpan.FromSeconds(5));

        var receives = counter.Receives;
        var gaps = receives.Zip(receives.Skip(1), (a, b) => b - a).ToList();
        var lastHalfHour = receives.Count(r => r >= RuntimeHarness.Epoch.AddMinutes(30));
        Assert.True(gaps[0] < TimeSpan.FromMilliseconds(300), $"the first poll comes fast, not after {gaps[0]}");
        Assert.All(gaps, g => Assert.True(g <= TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5), $"a gap of {g} exceeds the maximum"));
        Assert.InRange(lastHalfHour, 13, 16);
        Assert.True(receives.Count < 45, $"{receives.Count} receives in an idle hour");

        await h.Queue.SendMessageAsync("wake up");
        await Eventually.AdvanceUntilAsync(clock, TimeSpan.FromSeconds(5), () => Task.FromResult(Volatile.Read(ref handled) == 1), "the message handled within the back-off");
        var before = counter.Receives.Count;
        await AdvanceAsync(clock, counter, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100));
        Assert.True(counter.Receives.Count - before >= 3, "polling is fast again after a message");
    }

    /// <summary>Moves the clock in steps, giving the listener real time to issue its next receive between steps.</summary>
    private static async Task AdvanceAsync(FakeTimeProvider clock, ReceiveCounter counter, TimeSpan total, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            clock.Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            while (counter.Pending > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            }
        }
    }
}
