using System.Collections.Concurrent;

namespace Guichet.Runtime.Queues;

/// <summary>The messages a listener is handling, so that it can wait for room and, at shutdown, for them all.</summary>
internal sealed class InFlightMessages
{
    private readonly ConcurrentDictionary<MessageLease, byte> _running = new();

    public int Count => _running.Count;

    public IReadOnlyCollection<MessageLease> Leases => [.. _running.Keys];

    /// <summary>Starts handling a message on the thread pool; it leaves the set when its handling ends.</summary>
    public void Start(MessageLease lease, Func<MessageLease, Task> process)
    {
        _running.TryAdd(lease, 0);
        lease.Completion = Task.Run(async () =>
        {
            try
            {
                await process(lease);
            }
            finally
            {
                _running.TryRemove(lease, out _);
            }
        });
    }

    /// <summary>Waits until at most <paramref name="count"/> messages are being handled.</summary>
    public async Task WhenAtMostAsync(int count, CancellationToken ct)
    {
        while (_running.Count > count)
        {
            var tasks = _running.Keys.Select(l => l.Completion).OfType<Task>().ToArray();
            await (tasks.Length == 0 ? Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, ct) : Task.WhenAny(tasks).WaitAsync(ct));
        }
    }

    /// <summary>Waits until every message started so far has been handled.</summary>
    public Task WhenAllAsync(CancellationToken ct) =>
        Task.WhenAll(_running.Keys.Select(l => l.Completion).OfType<Task>()).WaitAsync(ct);
}
