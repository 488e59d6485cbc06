using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using Guichet.Runtime;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guichet.Bench.Queues;

/// <summary>
/// Queue-trigger throughput next to the storage's raw receive-and-delete rate, measured in one run on two
/// queues filled alike: the raw side uses the SDK directly with the trigger's batch size and concurrency bound,
/// the trigger side runs a <see cref="QueueListener"/> with a handler that does nothing. Each side runs twice,
/// in the order raw, trigger, trigger, raw, on a queue filled just before, so neither gains from going first.
/// </summary>
public static class QueueThroughput
{
    private static readonly QueueTriggerOptions Options = new()
    {
        BatchSize = 16,
        NewBatchThreshold = 8,
        MinPollingInterval = TimeSpan.FromMilliseconds(10),
        MaxPollingInterval = TimeSpan.FromSeconds(1),
        VisibilityTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Measures both rates for <paramref name="messages"/> messages each and returns a printable report with their ratio.</summary>
    public static async Task<string> RunAsync(string connectionString, int messages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(messages, 2, nameof(messages));
        var clients = StorageClients.FromConnectionString(connectionString);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var rawElapsed = TimeSpan.Zero;
        var triggerElapsed = TimeSpan.Zero;
        foreach (var round in new[] { 'r', 't', 't', 'r' })
        {
            var queue = await FillAsync(clients.Queues.GetQueueClient($"bench-{round}-{suffix}"), messages / 2);
            var elapsed = round == 'r' ? await RawReceiveAndDeleteAsync(queue, messages / 2) : await TriggerAsync(clients, queue.Name, messages / 2);
            (rawElapsed, triggerElapsed) = round == 'r' ? (rawElapsed + elapsed, triggerElapsed) : (rawElapsed, triggerElapsed + elapsed);
            await queue.DeleteIfExistsAsync();
        }

        messages = messages / 2 * 2;

        var rawRate = messages / rawElapsed.TotalSeconds;
        var triggerRate = messages / triggerElapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"""
            Queue throughput, {messages} messages per side (two rounds each), batch {Options.BatchSize}, at most {Options.MaxConcurrency} in flight
              raw receive + delete (SDK): {rawRate,10:F1} msg/s  ({rawElapsed.TotalSeconds:F2} s)
              queue trigger (listener):   {triggerRate,10:F1} msg/s  ({triggerElapsed.TotalSeconds:F2} s)
              trigger / raw:              {triggerRate / rawRate,10:P0}
            """);
    }

    private static async Task<QueueClient> FillAsync(QueueClient queue, int messages)
    {
        await queue.CreateIfNotExistsAsync();
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(Enumerable.Range(0, messages).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await queue.SendMessageAsync(MessageText.Encode($$"""{"n":{{i}}}""", MessageEncoding.Base64));
            }
            finally
            {
                gate.Release();
            }
        }));
        return queue;
    }

    /// <summary>The SDK alone, with the same pipelining: receive a batch whenever no more than the threshold are being deleted.</summary>
    internal static async Task<TimeSpan> RawReceiveAndDeleteAsync(QueueClient queue, int messages, QueueTriggerOptions? options = null)
    {
        options ??= Options;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        var received = 0;
        while (received < messages)
        {
            while (inFlight.Count > options.NewBatchThreshold)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }

            var batch = (await queue.ReceiveMessagesAsync(options.BatchSize, options.VisibilityTimeout)).Value;
            received += batch.Length;
            inFlight.AddRange(batch.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
        }

        await Task.WhenAll(inFlight);
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> TriggerAsync(StorageClients clients, string queueName, int messages)
    {
        var handled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new QueueListener(
            queueName,
            (_, _) =>
            {
                if (Interlocked.Increment(ref handled) == messages)
                {
                    done.TrySetResult();
                }

                return Task.CompletedTask;
            },
            clients.Queues,
            Options,
            new DeadLetters(clients, Options.MessageEncoding),
            TimeProvider.System,
            NullLogger<QueueListener>.Instance);
        var clock = Stopwatch.StartNew();
        await listener.StartAsync(CancellationToken.None);
        await done.Task;
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await listener.StopAsync(shutdown.Token);
        return clock.Elapsed;
    }
}
