using Azure.Storage.Queues;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guichet.Runtime.Tests.Queues;

/// <summary>Queue listeners on a unique queue of the shared Azurite, stopped (with a short shutdown timeout) at the end.</summary>
public sealed class ListenerHarness : IAsyncDisposable
{
    private readonly List<QueueListener> _listeners = [];

    public ListenerHarness(AzuriteFixture azurite, QueueTriggerOptions options, StorageClients? clients = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Clients = clients ?? azurite.Azurite.Clients();
        Options = options;
        Time = time ?? TimeProvider.System;
        QueueName = UniqueNames.Queue("trig");
        Queue = Clients.Queues.GetQueueClient(QueueName);
        DeadLetters = new DeadLetters(Clients, options.MessageEncoding);
    }

    public StorageClients Clients { get; }

    public QueueTriggerOptions Options { get; }

    public TimeProvider Time { get; }

    public string QueueName { get; }

    public QueueClient Queue { get; }

    public DeadLetters DeadLetters { get; }

    public async Task<QueueListener> StartAsync(QueueHandler handler)
    {
        await Queue.CreateIfNotExistsAsync();
        var listener = new QueueListener(QueueName, handler, Clients.Queues, Options, DeadLetters, Time, NullLogger<QueueListener>.Instance);
        _listeners.Add(listener);
        await listener.StartAsync(CancellationToken.None);
        return listener;
    }

    public async Task<int> VisibleCountAsync() => (await Queue.PeekMessagesAsync(32)).Value.Length;

    public async Task<int> PoisonCountAsync() => (await DeadLetters.PeekAsync(QueueName)).Count;

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await listener.StopAsync(timeout.Token);
            listener.Dispose();
        }
    }
}
