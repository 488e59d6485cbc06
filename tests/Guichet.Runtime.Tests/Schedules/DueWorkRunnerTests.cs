using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests.Schedules;

[Collection(AzuriteGroup.Name)]
public sealed class DueWorkRunnerTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task RunDueOnceAsync_DueTimerTriggerAndDurableTimer_RunOnceAndReturn()
    {
        await using var timers = new TimerHarness(azurite, "0 0 * * * *");
        await using var h = await RuntimeHarness.CreateAsync(azurite, clock: timers.Clock);
        await h.Runtime.StartAsync(TypeName, "waiting");
        await h.Runtime.RaiseEventAsync("waiting", "schedule", Json(new { name = "deadline", dueAt = RuntimeHarness.Epoch.AddMinutes(30) }), "e1");
        var runner = new DueWorkRunner([timers.Trigger()], h.Runtime, NullLogger<DueWorkRunner>.Instance);
        timers.Clock.Advance(TimeSpan.FromHours(2));

        var first = await runner.RunDueOnceAsync();
        var second = await runner.RunDueOnceAsync();

        Assert.Equal(["Sweep"], first.TimersFired);
        Assert.Empty(second.TimersFired);
        Assert.Equal(RuntimeHarness.Epoch.AddHours(2), Assert.Single(timers.Firings).Firing.Occurrence);
        var status = await h.Runtime.GetStatusAsync("waiting", withData: true);
        var fired = status!.State!.Value.GetProperty("fired");
        Assert.Equal(1, fired.GetArrayLength());
        Assert.Equal("deadline", fired[0].GetProperty("name").GetString());
        Assert.Null(first.NextDurableTimer);
    }
}
