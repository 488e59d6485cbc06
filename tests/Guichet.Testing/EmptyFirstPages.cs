using System.Text;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;
using Guichet.Testing.AzureRules;

namespace Guichet.Testing;

/// <summary>
/// Answers each new query of one table with an empty page and a continuation token, as Azure may answer a query that
/// spans partitions or runs long, then lets the query go on from there as if nothing happened: a test shows that the
/// caller asks on rather than taking an empty page for the answer.
/// </summary>
public sealed class EmptyFirstPages(string table) : HttpPipelinePolicy
{
    private const string Marker = "empty-first-page";
    private long _injected;

    /// <summary>How many empty pages were given so far.</summary>
    public long Injected => Interlocked.Read(ref _injected);

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri;
        if (message.Request.Method != RequestMethod.Get || !uri.Path.Contains(table + "()", StringComparison.Ordinal))
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        var query = HttpUtility.ParseQueryString(uri.Query);
        if (query["NextPartitionKey"] == Marker)
        {
            // The token is ours: the query starts again from the beginning, where the empty page left it.
            query.Remove("NextPartitionKey");
            query.Remove("NextRowKey");
            uri.Query = "?" + query;
            await ProcessNextAsync(message, pipeline);
            return;
        }

        Interlocked.Increment(ref _injected);
        message.Response = new SyntheticResponse(
            200,
            "OK",
            "application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
            Encoding.UTF8.GetBytes("""{"value":[]}"""),
            [("x-ms-continuation-NextPartitionKey", Marker), ("x-ms-continuation-NextRowKey", Marker)]);
    }
}
