using Azure.Core;
using Azure.Core.Pipeline;
using Guichet.Runtime.Schedules;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Schedules;

[Collection(AzuriteGroup.Name)]
public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    [Fact]
    public void CronSchedule_NineInParis_FollowsDaylightSavingTime()
    {
        var schedule = new CronSchedule("0 0 9 * * *", TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        var winter = schedule.Next(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero));
        var summer = schedule.Next(winter!.Value);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), summer);
        Assert.Equal(summer, schedule.Latest(summer!.Value.AddHours(5)));
        Assert.Throws<ArgumentException>(() => new CronSchedule("0 9 * * *", TimeZoneInfo.Utc));
    }

    [Fact(Timeout = 60_000)]
    public async Task Listener_ParisSchedule_FiresAtNineLocalAcrossTheSpringChange()
    {
        await using var h = new TimerHarness(azurite, "0 0 9 * * *", "Europe/Paris", new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero));
        await h.StartHostAsync(0);
        DateTimeOffset[] expected =
        [
            new(2026, 3, 28, 8, 0, 0, TimeSpan.Zero),
            new(2026, 3, 29, 7, 0, 0, TimeSpan.Zero),
            new(2026, 3, 30, 7, 0, 0, TimeSpan.Zero),
        ];

        foreach (var (occurrence, index) in expected.Select((o, i) => (o, i)))
        {
            await h.HostsWaitingUntilAsync(occurrence);
            h.Clock.SetUtcNow(occurrence.AddSeconds(-1));
            Assert.Equal(index, h.Firings.Count);
            h.Clock.SetUtcNow(occurrence);
            await Eventually.HoldsAsync(() => Task.FromResult(h.Firings.Count == index + 1), $"the firing at {occurrence:O}");
        }

        Assert.Equal(expected, h.Firings.Select(f => f.Firing.Occurrence));
        Assert.Equal(expected, h.Firings.Select(f => f.At));
        Assert.All(h.Firings, f => Assert.False(f.Firing.IsCatchUp));
    }

    [Fact(Timeout = 60_000)]
    public async Task TwoHosts_EveryFiveMinutes_EachOccurrenceFiredOnce()
    {
        await using var h = new TimerHarness(azurite, "0 */5 * * * *");
        await h.StartHostAsync(1);
        await h.StartHostAsync(2);
        var expected = Enumerable.Range(1, 4).Select(i => RuntimeHarness.Epoch.AddMinutes(5 * i)).ToList();

        foreach (var (occurrence, index) in expected.Select((o, i) => (o, i)))
        {
            await h.HostsWaitingUntilAsync(occurrence);
            h.Clock.SetUtcNow(occurrence);
            // One host fires; the other finds the occurrence recorded, or the lease taken and tries again a lease later.
            var retry = occurrence + h.Options.LeaseDuration;
            await h.HostsWaitingUntilAsync(occurrence.AddMinutes(5), retry);
            Assert.Equal(index + 1, h.Firings.Count);
            h.Clock.SetUtcNow(retry);
        }

        await h.HostsWaitingUntilAsync(RuntimeHarness.Epoch.AddMinutes(25));
        Assert.Equal(expected, h.Firings.Select(f => f.Firing.Occurrence));
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_OccurrenceDueWhileTheCatchUpReadsStorage_StillFires()
    {
        await using var h = new TimerHarness(azurite, "0 */10 * * * *");
        Assert.Equal(TimerFireResult.Fired, await h.Trigger().FireAsync(RuntimeHarness.Epoch, isCatchUp: false));
        h.Clock.Advance(TimeSpan.FromMinutes(9));
        var storage = new HeldRequests();

        // A restart a minute before an occurrence whose first storage request is slow (a cold start, a token to fetch).
        await h.StartHostAsync(1, storage);
        await storage.FirstHeld;
        h.Clock.SetUtcNow(RuntimeHarness.Epoch.AddMinutes(10));
        storage.Release();

        await h.HostsWaitingUntilAsync(RuntimeHarness.Epoch.AddMinutes(20));
        var firing = Assert.Single(h.Firings.Skip(1)).Firing;
        Assert.Equal(RuntimeHarness.Epoch.AddMinutes(10), firing.Occurrence);
        Assert.False(firing.IsCatchUp);
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_AfterMissedOccurrences_CatchesUpTheLatestExactlyOnce()
    {
        await using var h = new TimerHarness(azurite, "0 */10 * * * *");
        Assert.Equal(TimerFireResult.Fired, await h.Trigger().FireAsync(RuntimeHarness.Epoch, isCatchUp: false));
        h.Clock.Advance(TimeSpan.FromMinutes(65));

        await h.StartHostAsync(1);
        await h.HostsWaitingUntilAsync(RuntimeHarness.Epoch.AddMinutes(70));
        await h.StartHostAsync(2);
        await h.HostsWaitingUntilAsync(RuntimeHarness.Epoch.AddMinutes(70));

        Assert.Equal(2, h.Firings.Count);
        var catchUp = h.Firings.Last().Firing;
        Assert.True(catchUp.IsCatchUp);
        Assert.Equal(RuntimeHarness.Epoch.AddMinutes(60), catchUp.Occurrence);
        h.Clock.SetUtcNow(RuntimeHarness.Epoch.AddMinutes(70));
        await Eventually.HoldsAsync(() => Task.FromResult(h.Firings.Count == 3), "the next occurrence on time");
        Assert.Equal(RuntimeHarness.Epoch.AddMinutes(70), h.Firings.Last().Firing.Occurrence);
        Assert.False(h.Firings.Last().Firing.IsCatchUp);
    }

    [Fact(Timeout = 30_000)]
    public async Task Start_NeverFired_NoCatchUp_ButOneShotRunsTheLatestOccurrence()
    {
        await using var h = new TimerHarness(azurite, "0 0 * * * *");
        h.Clock.Advance(TimeSpan.FromMinutes(62)); // within the one-shot run's recent window
        var trigger = h.Trigger();

        Assert.Equal(TimerFireResult.NotDue, await trigger.CatchUpAsync());
        Assert.Equal(TimerFireResult.Fired, await trigger.RunDueAsync());
        Assert.Equal(TimerFireResult.NotDue, await trigger.RunDueAsync());

        var firing = Assert.Single(h.Firings).Firing;
        Assert.Equal(RuntimeHarness.Epoch.AddHours(1), firing.Occurrence);
    }

    /// <summary>Holds a host's storage requests until released, as a slow first request would; tells when the first is held.</summary>
    private sealed class HeldRequests : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstHeld => _held.Task;

        public void Release() => _released.TrySetResult();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The runtime calls storage asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            _held.TrySetResult();
            await _released.Task.WaitAsync(message.CancellationToken);
            await ProcessNextAsync(message, pipeline);
        }
    }
}
