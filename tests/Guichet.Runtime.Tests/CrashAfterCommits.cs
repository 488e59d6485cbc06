using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Runtime.Tests;

/// <summary>
/// A host that dies after some transactions: once armed, requests go through until that many table transactions
/// (<c>$batch</c>) have been answered, then every request fails, so that nothing after them happens.
/// </summary>
internal sealed class CrashAfterCommits : HttpPipelinePolicy
{
    private int _left = -1;

    /// <summary>Lets <paramref name="commits"/> more transactions through, then fails everything.</summary>
    public void Arm(int commits) => Volatile.Write(ref _left, commits);

    /// <summary>The host lives again.</summary>
    public void Disarm() => Volatile.Write(ref _left, -1);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Volatile.Read(ref _left) == 0)
        {
            throw new RequestFailedException(503, "The host died.", "HostDied", null);
        }

        await ProcessNextAsync(message, pipeline);
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Volatile.Read(ref _left) > 0)
        {
            Interlocked.Decrement(ref _left);
        }
    }
}
