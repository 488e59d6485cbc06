using System.Collections.Concurrent;
using System.Text;
using Guichet.Runtime.Queues;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Queues;

[Collection(AzuriteGroup.Name)]
public sealed class QueueListenerTests(AzuriteFixture azurite)
{
    private static readonly QueueTriggerOptions Fast = new() { MaxPollingInterval = TimeSpan.FromMilliseconds(200), MinPollingInterval = TimeSpan.FromMilliseconds(20), VisibilityTimeout = TimeSpan.FromSeconds(10) };

    [Fact(Timeout = 30_000)]
    public async Task PlainAndBase64Messages_DecodedHandledAndDeleted()
    {
        await using var h = new ListenerHarness(azurite, Fast);
        var seen = new ConcurrentDictionary<string, QueueMessageContext>();
        await h.StartAsync((m, _) => { seen[m.Text] = m; return Task.CompletedTask; });

        var plain = (await h.Queue.SendMessageAsync("""{"n":1,"correlationId":"corr-7"}""")).Value;
        var encoded = (await h.Queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"n":2}""")))).Value;

        await Eventually.HoldsAsync(async () => seen.Count == 2 && await h.VisibleCountAsync() == 0, "both messages handled and deleted");
        Assert.Equal("corr-7", seen["""{"n":1,"correlationId":"corr-7"}"""].CorrelationId);
        Assert.Equal(plain.MessageId, seen["""{"n":1,"correlationId":"corr-7"}"""].MessageId);
        Assert.Equal(encoded.MessageId, seen["""{"n":2}"""].CorrelationId);
        Assert.Equal(1, seen["""{"n":2}"""].DequeueCount);
    }

    [Fact(Timeout = 60_000)]
    public async Task ManyMessages_ConcurrencyBoundedByBatchSizePlusThreshold()
    {
        var options = Fast with { BatchSize = 4, NewBatchThreshold = 2 };
        await using var h = new ListenerHarness(azurite, options);
        var (running, peak, handled) = (0, 0, 0);
        await h.Queue.CreateIfNotExistsAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => h.Queue.SendMessageAsync($"plain message {i}")));
        await h.StartAsync(async (_, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, ct);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref handled);
        });

        await Eventually.HoldsAsync(async () => Volatile.Read(ref handled) == 40 && await h.VisibleCountAsync() == 0, "40 messages handled");
        Assert.InRange(peak, 2, options.MaxConcurrency);
    }

    [Fact(Timeout = 60_000)]
    public async Task LongHandler_VisibilityRenewed_NotDeliveredTwice()
    {
        var options = Fast with { VisibilityTimeout = TimeSpan.FromSeconds(2) };
        await using var h = new ListenerHarness(azurite, options);
        var deliveries = 0;
        QueueHandler slow = async (_, ct) =>
        {
            Interlocked.Increment(ref deliveries);
            await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, ct);
        };
        await h.StartAsync(slow);
        await h.StartAsync(slow);

        await h.Queue.SendMessageAsync("long work");

        await Eventually.HoldsAsync(async () => Volatile.Read(ref deliveries) == 1 && await h.VisibleCountAsync() == 0 && (await h.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the long message handled and deleted");
        Assert.Equal(1, deliveries);
    }

    [Fact(Timeout = 30_000)]
    public async Task StopAsync_HandlerPastShutdownTimeout_MessageReleasedAtOnce()
    {
        await using var h = new ListenerHarness(azurite, Fast with { VisibilityTimeout = TimeSpan.FromMinutes(5) });
        var started = new TaskCompletionSource();
        var cancelled = false;
        var listener = await h.StartAsync(async (_, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        await h.Queue.SendMessageAsync("unfinished");
        await started.Task;

        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await listener.StopAsync(shutdownTimeout.Token);

        Assert.True(cancelled);
        var visible = Assert.Single((await h.Queue.PeekMessagesAsync()).Value);
        Assert.Equal("unfinished", visible.MessageText);
    }

    [Fact(Timeout = 30_000)]
    public async Task StopAsync_HandlerWithinShutdownTimeout_FinishesAndDeletes()
    {
        await using var h = new ListenerHarness(azurite, Fast);
        var started = new TaskCompletionSource();
        var finished = false;
        var listener = await h.StartAsync(async (_, _) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, CancellationToken.None);
            finished = true;
        });
        await h.Queue.SendMessageAsync("finishing");
        await started.Task;

        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await listener.StopAsync(shutdownTimeout.Token);

        Assert.True(finished);
        Assert.Equal(0, (await h.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
