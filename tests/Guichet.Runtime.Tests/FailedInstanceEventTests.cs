using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// A Failed instance takes nothing until it is rewound or retried: an event is refused, with a reason that says so and
/// nothing changed, while its timers that come due are held and fire after the rewind.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class FailedInstanceEventTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task EventOnAFailedInstance_IsRefusedSayingToRewind_ItsHeldTimerFiresAfterTheRewind()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "broken");
        await h.Runtime.RaiseEventAsync("broken", "schedule", Json(new { name = "soon", dueAt = RuntimeHarness.Epoch.AddMinutes(1) }), "s1");
        await h.Runtime.RaiseEventAsync("broken", "boom", null, "b1");
        h.FakeClock.Advance(TimeSpan.FromMinutes(2));
        await h.Runtime.FireDueTimersAsync();
        var held = (await h.Runtime.GetStatusAsync("broken"))!;

        var refused = await h.Runtime.RaiseEventAsync("broken", "add", Json(new { amount = 1 }), "a1");
        var after = (await h.Runtime.GetStatusAsync("broken"))!;
        await h.Runtime.RewindAsync("broken", "Cause identifiée");
        var again = await h.Runtime.RaiseEventAsync("broken", "add", Json(new { amount = 1 }), "a1");

        Assert.Equal(RuntimeStatus.Failed, held.RuntimeStatus);
        Assert.Equal(RaiseResult.Finished, refused.Result);
        Assert.Contains("has failed", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("rewinds", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(held.BufferedEvents, after.BufferedEvents);
        Assert.Equal(held.HistoryLength, after.HistoryLength);
        Assert.Equal(RaiseResult.Applied, again.Result);
        var status = (await h.Runtime.GetStatusAsync("broken", withData: true))!;
        Assert.Equal(["soon"], status.State!.Value.GetProperty("fired").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(1, status.State!.Value.GetProperty("total").GetInt32());
        Assert.Empty(status.PendingTimers);
    }
}
