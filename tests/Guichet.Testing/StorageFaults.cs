using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Testing;

/// <summary>
/// Makes chosen storage requests fail as a storage outage would (status 503, thrown before anything is sent), or as
/// a lasting refusal would (another status, 403 say), so that a test shows what the runtime does when storage fails:
/// a request fails while its URI (decoded: the table or queue, and the keys of point operations and filters)
/// contains one of the fragments set to fail. A request can also be made to hang, as on a storage too slow to answer,
/// until the caller gives up on it (its cancellation token).
/// </summary>
public sealed class StorageFaults : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Status, string ErrorCode)> _failing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _injectedFor = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hanging = new(StringComparer.Ordinal);
    private long _injected;

    /// <summary>How many requests were made to fail so far.</summary>
    public long Injected => Interlocked.Read(ref _injected);

    /// <summary>How many requests were made to fail so far because their URI contained <paramref name="fragment"/>.</summary>
    public long InjectedFor(string fragment)
    {
        lock (_gate)
        {
            return _injectedFor.GetValueOrDefault(fragment);
        }
    }

    /// <summary>Requests whose URI contains <paramref name="fragment"/> fail from now on, with that status and error code.</summary>
    public void Fail(string fragment, int status = 503, string errorCode = "ServerBusy")
    {
        lock (_gate)
        {
            _failing[fragment] = (status, errorCode);
        }
    }

    /// <summary>Requests whose URI contains <paramref name="fragment"/> get no answer from now on, until they are cancelled.</summary>
    public void Hang(string fragment)
    {
        lock (_gate)
        {
            _hanging.Add(fragment);
        }
    }

    /// <summary>Storage works again.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _failing.Clear();
            _hanging.Clear();
        }
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowIfFailing(message);
        if (IsHanging(message))
        {
            message.CancellationToken.WaitHandle.WaitOne();
            message.CancellationToken.ThrowIfCancellationRequested();
        }

        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowIfFailing(message);
        if (IsHanging(message))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, message.CancellationToken);
        }

        await ProcessNextAsync(message, pipeline);
    }

    private bool IsHanging(HttpMessage message)
    {
        var uri = Uri.UnescapeDataString(message.Request.Uri.ToString());
        lock (_gate)
        {
            var match = _hanging.FirstOrDefault(f => uri.Contains(f, StringComparison.Ordinal));
            if (match is not null)
            {
                _injectedFor[match] = _injectedFor.GetValueOrDefault(match) + 1;
                Interlocked.Increment(ref _injected);
            }

            return match is not null;
        }
    }

    private void ThrowIfFailing(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = Uri.UnescapeDataString(message.Request.Uri.ToString());
        (int Status, string ErrorCode)? failure;
        lock (_gate)
        {
            var match = _failing.FirstOrDefault(f => uri.Contains(f.Key, StringComparison.Ordinal));
            failure = match.Key is null ? null : match.Value;
            if (match.Key is not null)
            {
                _injectedFor[match.Key] = _injectedFor.GetValueOrDefault(match.Key) + 1;
            }
        }

        if (failure is { } refused)
        {
            Interlocked.Increment(ref _injected);
            throw new RequestFailedException(refused.Status, $"Injected storage failure: {message.Request.Method} {uri}", refused.ErrorCode, null);
        }
    }
}
