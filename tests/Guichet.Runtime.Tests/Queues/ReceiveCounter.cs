using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Runtime.Tests.Queues;

/// <summary>Counts the receive requests (GET on a queue's messages) sent to storage, with the clock's time of each.</summary>
public sealed class ReceiveCounter(TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<DateTimeOffset> _receives = new();

    private int _pending;

    public IReadOnlyList<DateTimeOffset> Receives => [.. _receives];

    /// <summary>Requests sent and not yet answered.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _pending);

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Decrement(ref _pending);
        var request = message.Request;
        if (request.Method == RequestMethod.Get && request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal) && !request.Uri.Query.Contains("peekonly", StringComparison.OrdinalIgnoreCase))
        {
            _receives.Enqueue(clock.GetUtcNow());
        }
    }
}
