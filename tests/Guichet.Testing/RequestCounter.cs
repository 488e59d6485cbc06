using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Testing;

/// <summary>Counts the storage requests that go through the clients it is added to.</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    /// <summary>Requests sent so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
