using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Bench;

/// <summary>
/// Counts and times the storage requests that go through the clients it is added to, by kind (method and table or
/// queue, keys left out), so that a benchmark says where its time goes: requests per item and milliseconds per request.
/// </summary>
internal sealed class RequestProfile : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, Kind> _kinds = new(StringComparer.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(message, clock.Elapsed);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Record(message, clock.Elapsed);
        }
    }

    /// <summary>Forgets what was counted so far.</summary>
    public void Reset() => _kinds.Clear();

    /// <summary>Every kind of request, the most frequent first, per item of <paramref name="items"/>.</summary>
    public string Report(int items)
    {
        var rows = _kinds.OrderByDescending(k => k.Value.Count).ToList();
        var total = rows.Sum(r => r.Value.Count);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"  storage requests: {(double)total / items:F1} per message, {rows.Sum(r => r.Value.Milliseconds) / Math.Max(1, total):F1} ms each on average\n");
        foreach (var (name, kind) in rows.Where(r => r.Value.Count >= items / 20))
        {
            builder.Append(CultureInfo.InvariantCulture, $"    {(double)kind.Count / items,6:F2} x {kind.Milliseconds / kind.Count,6:F1} ms  {name}\n");
        }

        return builder.ToString();
    }

    private void Record(HttpMessage message, TimeSpan elapsed)
    {
        var kind = _kinds.GetOrAdd(NameOf(message.Request), _ => new Kind());
        lock (kind)
        {
            kind.Count++;
            kind.Milliseconds += elapsed.TotalMilliseconds;
        }
    }

    /// <summary>"GET table", "PUT queue/messages": the account, keys, filters and message ids left out.</summary>
    private static string NameOf(Request request)
    {
        var segments = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var resource = segments.Length == 0 ? "(account)" : segments[0].Split('(')[0];
        var sub = segments.Length > 1 ? "/" + segments[1] + (segments.Length > 2 ? "/{id}" : string.Empty) : string.Empty;
        var single = segments.Length > 0 && segments[0].Contains("(P", StringComparison.Ordinal) ? " (one row)" : string.Empty;
        var query = request.Uri.Query.Contains("comp=batch", StringComparison.Ordinal) || resource == "$batch" ? " batch" : string.Empty;
        return $"{request.Method} {resource}{sub}{single}{query}";
    }

    private sealed class Kind
    {
        public long Count;
        public double Milliseconds;
    }
}
