using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Guichet.Runtime.Tests;

/// <summary>
/// Counts the storage requests of a hub's clients and keeps the filters of its queries, to show what a page of the
/// instance list costs and that it reads key ranges of one partition, never rows chosen by a column.
/// </summary>
internal sealed partial class ListRequests : HttpPipelineSynchronousPolicy
{
    private static readonly HashSet<string> KeyColumns = ["PartitionKey", "RowKey", "_Removed", "workflowType"];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public ConcurrentQueue<string> Filters { get; } = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        if (System.Web.HttpUtility.ParseQueryString(message.Request.Uri.Query)["$filter"] is { } filter)
        {
            Filters.Enqueue(filter);
        }
    }

    /// <summary>
    /// Whether a filter reads one partition by key: a PartitionKey equality, and no column but the keys, the removal
    /// mark and the by-status list's type (which only refines its key range).
    /// </summary>
    public static bool IsKeyRange(string filter)
    {
        var unquoted = Quoted().Replace(filter, "''");
        var columns = Comparison().Matches(unquoted).Select(m => m.Groups[1].Value).ToList();
        return unquoted.Contains("PartitionKey eq", StringComparison.Ordinal) && columns.All(KeyColumns.Contains);
    }

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(\w+) (?:eq|ne|gt|ge|lt|le) ")]
    private static partial Regex Comparison();
}
