using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Bench;

/// <summary>Counts the storage requests that go through the clients it is added to.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
