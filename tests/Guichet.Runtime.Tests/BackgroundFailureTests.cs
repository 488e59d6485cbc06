using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Timers;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// A storage error in a background service (timer poller, outbox sweeper) is logged and retried with back-off: it never
/// stops the service, nor the host, and a lasting one does not make the poller read the work index every few seconds.
/// A commit that does not land within its deadline is such an error too, not a sign that the host is stopping.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BackgroundFailureTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task StorageDownForAWhile_PollerAndSweeperKeepRunning_AndFinishTheWorkOnceItIsBack()
    {
        var faults = new StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(faults));
        var queue = UniqueNames.Queue("out");
        await h.Runtime.StartAsync(TypeName, "patient", Json(new { queue }));
        using var poller = new TimerPoller(h.Runtime, NullLogger<TimerPoller>.Instance);
        using var sweeper = new OutboxSweeper(h.Runtime, NullLogger<OutboxSweeper>.Instance);
        await poller.StartAsync(CancellationToken.None);
        await sweeper.StartAsync(CancellationToken.None);

        // The work index's timer rows and the outbound queue fail (the timer cannot be indexed, the message cannot be sent;
        // the steps' marks still go in), then the instance's own rows and every read of the work index (the poller's).
        var work = h.Runtime.Options.HubName + "Work";
        var reads = work + "()";
        faults.Fail(work + "(PartitionKey='work',RowKey='t|");
        faults.Fail(queue);
        await h.Runtime.RaiseEventAsync("patient", "schedule", Json(new { name = "reply", dueAt = RuntimeHarness.Epoch.AddMinutes(1) }), "s1");
        await h.Runtime.RaiseEventAsync("patient", "add", Json(new { amount = 1 }), "a1");
        faults.Fail("'patient'");
        faults.Fail(reads);
        await Eventually.AdvanceUntilAsync(h.FakeClock, TimeSpan.FromSeconds(1), () => Task.FromResult(faults.InjectedFor(reads) > 0 && faults.Injected > 4), "the listeners met the failures");

        // Two minutes of failed reads: the poller backs off (5, 10, 20, 40, 80 s…), where a fixed 5 s wait would read 24 times.
        var readsBefore = faults.InjectedFor(reads);
        for (var second = 0; second < 120; second++)
        {
            h.FakeClock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(15), TimeProvider.System);
        }

        var readsDuring = faults.InjectedFor(reads) - readsBefore;
        Assert.InRange(readsDuring, 1, 6);
        Assert.False(poller.ExecuteTask!.IsCompleted, "the timer poller stopped");
        Assert.False(sweeper.ExecuteTask!.IsCompleted, "the outbox sweeper stopped");

        faults.Heal();
        Assert.NotEmpty(await h.Runtime.Store.ReadOutboxAsync("patient", CancellationToken.None));
        await Eventually.AdvanceUntilAsync(h.FakeClock, TimeSpan.FromSeconds(1), async () =>
            (await h.Runtime.GetStatusAsync("patient"))!.PendingTimers.Count == 0 && (await h.Runtime.Store.ReadOutboxAsync("patient", CancellationToken.None)).Count == 0,
            "the timer fired and the message went out once storage was back");

        var history = (await h.Runtime.GetWholeHistoryAsync("patient"))!;
        Assert.Single(history, e => e.Kind == HistoryKind.TimerFired);
        Assert.Single((await h.Runtime.Storage.Queues.GetQueueClient(queue).ReceiveMessagesAsync(32)).Value);
        await poller.StopAsync(CancellationToken.None);
        await sweeper.StopAsync(CancellationToken.None);
    }

    [Fact(Timeout = 60_000)]
    public async Task CommitHangsPastItsDeadline_ThePollerKeepsRunning_AndFiresTheTimerOnceStorageAnswers()
    {
        var faults = new StorageFaults();
        await using var h = await RuntimeHarness.CreateAsync(
            azurite, configure: o => o.CommitDeadline = TimeSpan.FromSeconds(1), clients: azurite.Azurite.Clients(faults));
        await h.Runtime.StartAsync(TypeName, "slow");
        await h.Runtime.RaiseEventAsync("slow", "schedule", Json(new { name = "reply", dueAt = RuntimeHarness.Epoch.AddMinutes(1) }), "s1");
        using var poller = new TimerPoller(h.Runtime, NullLogger<TimerPoller>.Instance);
        await poller.StartAsync(CancellationToken.None);

        // Every step's transaction goes unanswered: the timer's firing waits, then its deadline gives up on it.
        const string commits = "$batch";
        faults.Hang(commits);
        await Eventually.AdvanceUntilAsync(h.FakeClock, TimeSpan.FromSeconds(1), () => Task.FromResult(faults.InjectedFor(commits) > 0), "the timer's commit was sent");
        // The deadline is wall-clock (as the request it bounds): three real seconds pass, the poller's clock with them.
        for (var second = 0; second < 45; second++)
        {
            h.FakeClock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(70), TimeProvider.System);
        }

        Assert.False(poller.ExecuteTask!.IsCompleted, "the timer poller stopped");
        Assert.Single((await h.Runtime.GetStatusAsync("slow"))!.PendingTimers);

        faults.Heal();
        await Eventually.AdvanceUntilAsync(h.FakeClock, TimeSpan.FromSeconds(1), async () =>
            (await h.Runtime.GetStatusAsync("slow"))!.PendingTimers.Count == 0, "the timer fired once storage answered");
        Assert.Single((await h.Runtime.GetWholeHistoryAsync("slow"))!, e => e.Kind == HistoryKind.TimerFired);
        Assert.False(poller.ExecuteTask.IsCompleted, "the timer poller stopped");
        await poller.StopAsync(CancellationToken.None);
    }
}
