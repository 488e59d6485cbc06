using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Runtime.Tests;

/// <summary>The decoded filters of the queries sent to one table, to show which partitions a query reads.</summary>
internal sealed class FilterLog(string table) : HttpPipelineSynchronousPolicy
{
    public ConcurrentQueue<string> Filters { get; } = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        if (uri.Path.Contains(table + "()", StringComparison.Ordinal)
            && System.Web.HttpUtility.ParseQueryString(uri.Query)["$filter"] is { } filter)
        {
            Filters.Enqueue(filter);
        }
    }
}
