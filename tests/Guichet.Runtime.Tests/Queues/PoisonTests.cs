using Guichet.Runtime.Queues;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Queues;

[Collection(AzuriteGroup.Name)]
public sealed class PoisonTests(AzuriteFixture azurite)
{
    private static readonly QueueTriggerOptions Retrying = new()
    {
        MaxPollingInterval = TimeSpan.FromMilliseconds(200),
        MinPollingInterval = TimeSpan.FromMilliseconds(20),
        VisibilityTimeout = TimeSpan.FromSeconds(1),
        MaxDequeueCount = 3,
    };

    [Fact(Timeout = 30_000)]
    public async Task FailingHandler_AfterMaxDequeueCount_DeadLetteredWithReasonAndOriginalBody()
    {
        await using var h = new ListenerHarness(azurite, Retrying);
        var attempts = 0;
        await h.StartAsync((_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("the handler broke");
        });
        var sent = (await h.Queue.SendMessageAsync("ZmFpbGluZw==")).Value;

        await Eventually.HoldsAsync(async () => await h.PoisonCountAsync() == 1, "the message dead-lettered");

        var letter = Assert.Single(await h.DeadLetters.PeekAsync(h.QueueName)).Letter;
        Assert.Equal(3, attempts);
        Assert.Equal(h.QueueName, letter.SourceQueue);
        Assert.Equal(sent.MessageId, letter.MessageId);
        Assert.Equal("ZmFpbGluZw==", letter.Body);
        Assert.Equal(3, letter.DequeueCount);
        Assert.Equal("System.InvalidOperationException: the handler broke", letter.Reason);
        Assert.Equal(0, (await h.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task PoisonMessageException_DeadLetteredAtOnceWithoutRetry()
    {
        await using var h = new ListenerHarness(azurite, Retrying);
        var attempts = 0;
        await h.StartAsync((_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new PoisonMessageException("not a dossier");
        });
        await h.Queue.SendMessageAsync("garbage");

        await Eventually.HoldsAsync(async () => await h.PoisonCountAsync() == 1, "the message dead-lettered");

        var letter = Assert.Single(await h.DeadLetters.PeekAsync(h.QueueName)).Letter;
        Assert.Equal(1, attempts);
        Assert.Equal(1, letter.DequeueCount);
        Assert.Contains("not a dossier", letter.Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task DeadLetters_ReplayedOneAndAll_ProcessedOnceTheFaultIsFixed()
    {
        await using var h = new ListenerHarness(azurite, Retrying with { MaxDequeueCount = 1 });
        var broken = true;
        var processed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await h.StartAsync((m, _) =>
        {
            if (Volatile.Read(ref broken))
            {
                throw new InvalidOperationException("downstream unavailable");
            }

            processed.Add(m.Text);
            return Task.CompletedTask;
        });
        foreach (var body in new[] { """{"n":1}""", """{"n":2}""", """{"n":3}""" })
        {
            await h.Queue.SendMessageAsync(body);
        }

        await Eventually.HoldsAsync(async () => await h.PoisonCountAsync() == 3, "three dead letters");
        Volatile.Write(ref broken, false);

        var page = await h.DeadLetters.ReceiveAsync(h.QueueName, TimeSpan.FromSeconds(2), maxMessages: 1);
        await h.DeadLetters.ReplayAsync(Assert.Single(page));
        await Eventually.HoldsAsync(() => Task.FromResult(processed.Count == 1), "the replayed one processed");
        await Eventually.HoldsAsync(async () => await h.PoisonCountAsync() == 2, "the other two visible again");
        var replayed = await h.DeadLetters.ReplayAllAsync(h.QueueName);

        Assert.Equal(2, replayed);
        await Eventually.HoldsAsync(() => Task.FromResult(processed.Count == 3), "all three processed");
        Assert.Equal(["""{"n":1}""", """{"n":2}""", """{"n":3}"""], processed.Order());
        // A message is deleted once its handler has returned: the last one may still be on its way out.
        await Eventually.HoldsAsync(async () => (await h.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the queue emptied");
        Assert.Empty(await h.DeadLetters.PeekAsync(h.QueueName));
    }

    [Fact(Timeout = 30_000)]
    public async Task MessageNearTheQueueLimit_DeadLetteredWithBodyInBlob_ReplayedIntact()
    {
        await using var h = new ListenerHarness(azurite, Retrying);
        var body = new string('d', 60_000);
        var handled = new List<string>();
        var broken = true;
        await h.StartAsync((message, _) =>
        {
            if (broken)
            {
                throw new PoisonMessageException("not yet");
            }

            lock (handled)
            {
                handled.Add(message.Text);
            }

            return Task.CompletedTask;
        });
        await h.Queue.SendMessageAsync(body);

        await Eventually.HoldsAsync(async () => await h.PoisonCountAsync() == 1, "the large message dead-lettered");
        var letter = Assert.Single(await h.DeadLetters.PeekAsync(h.QueueName)).Letter;
        Assert.NotNull(letter.BodyBlob);
        Assert.Equal(body, await h.DeadLetters.BodyAsync(letter));

        broken = false;
        Assert.Equal(1, await h.DeadLetters.ReplayAllAsync(h.QueueName));
        await Eventually.HoldsAsync(() => Task.FromResult(handled.Count == 1), "the replayed message handled");
        Assert.Equal(body, handled[0]);
        Assert.Equal(0, await h.PoisonCountAsync());
    }
}
