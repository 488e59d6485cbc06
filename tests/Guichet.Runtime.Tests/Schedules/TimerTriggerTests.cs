using Guichet.Runtime.Schedules;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Schedules;

[Collection(AzuriteGroup.Name)]
public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

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
            h.Clock.SetUtcNow(occurrence.AddSeconds(-1));
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
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

        await Eventually.AdvanceUntilAsync(h.Clock, Step, () => Task.FromResult(h.Firings.Count >= 4), "four occurrences fired");
        await Eventually.AdvanceUntilAsync(h.Clock, Step, () => Task.FromResult(h.Clock.GetUtcNow() >= RuntimeHarness.Epoch.AddMinutes(24)), "both hosts past the fourth occurrence");

        var occurrences = h.Firings.Select(f => f.Firing.Occurrence).ToList();
        Assert.Equal(occurrences.Distinct().Count(), occurrences.Count);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => RuntimeHarness.Epoch.AddMinutes(5 * i)), occurrences.Order().Take(4));
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_AfterMissedOccurrences_CatchesUpTheLatestExactlyOnce()
    {
        await using var h = new TimerHarness(azurite, "0 */10 * * * *");
        Assert.Equal(TimerFireResult.Fired, await h.Trigger().FireAsync(RuntimeHarness.Epoch, isCatchUp: false));
        h.Clock.Advance(TimeSpan.FromMinutes(65));

        await h.StartHostAsync(1);
        await Eventually.HoldsAsync(() => Task.FromResult(h.Firings.Count == 2), "the missed occurrence caught up");
        await h.StartHostAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);

        Assert.Equal(2, h.Firings.Count);
        var catchUp = h.Firings.Last().Firing;
        Assert.True(catchUp.IsCatchUp);
        Assert.Equal(RuntimeHarness.Epoch.AddMinutes(60), catchUp.Occurrence);
        await Eventually.AdvanceUntilAsync(h.Clock, Step, () => Task.FromResult(h.Firings.Count == 3), "the next occurrence on time");
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
}
