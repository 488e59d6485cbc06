using System.Text.Json;
using System.Text.RegularExpressions;

namespace Guichet.Testing.AzureRules;

/// <summary>
/// The rules of an entity group transaction ("Performing entity group transactions"): at most 100 operations,
/// one partition, each entity once, each entity within the entity rules. A batch body is one changeset of HTTP
/// requests; an insert names its keys in its JSON body, an update or a delete in its URL.
/// </summary>
internal static partial class TableBatchRules
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    private const int MaxOperations = 100;

    /// <summary>The refusal of a <c>$batch</c> body, with the index of the operation at fault, or null.</summary>
    public static Refusal? Check(string body)
    {
        var operations = Operations(body);
        if (operations.Count > MaxOperations)
        {
            return Refusal.BadRequest("InvalidInput", "The batch request operation exceeds the maximum 100 changes per change set.").At(0);
        }

        string? partition = null;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var (url, content) = operations[i];
            var (partitionKey, rowKey) = KeysOf(url);
            if (content.Length > 0)
            {
                using var entity = JsonDocument.Parse(content);
                partitionKey = entity.RootElement.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() : partitionKey;
                rowKey = entity.RootElement.TryGetProperty("RowKey", out var rk) ? rk.GetString() : rowKey;
                if (TableEntityRules.Check(entity.RootElement, partitionKey, rowKey) is { } refused)
                {
                    return refused.At(i);
                }
            }

            partition ??= partitionKey;
            if (!string.Equals(partition, partitionKey, StringComparison.Ordinal))
            {
                return Refusal.BadRequest("CommandsInBatchActOnDifferentPartitions", "All commands in a batch must operate on same entity group.").At(i);
            }

            if (!rows.Add(rowKey ?? string.Empty))
            {
                return Refusal.BadRequest("InvalidDuplicateRow", "The batch request contains multiple changes with same row key. An entity can appear only once in a batch request.").At(i);
            }
        }

        return null;
    }

    /// <summary>The keys an entity URL names, <c>…/table(PartitionKey='p',RowKey='r')</c>, or nulls.</summary>
    public static (string? PartitionKey, string? RowKey) KeysOf(string url)
    {
        var match = EntityAddress().Match(Uri.UnescapeDataString(url.Split('?')[0]));
        return match.Success
            ? (match.Groups["pk"].Value.Replace("''", "'", StringComparison.Ordinal), match.Groups["rk"].Value.Replace("''", "'", StringComparison.Ordinal))
            : (null, null);
    }

    private static List<(string Url, string Content)> Operations(string body)
    {
        var boundary = ChangesetBoundary().Match(body);
        if (!boundary.Success)
        {
            return [];
        }

        var operations = new List<(string, string)>();
        foreach (var part in body.Split("--" + boundary.Groups[1].Value).Skip(1).TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal)))
        {
            // The part's own headers, then the request line, the request's headers and its body.
            var request = part[(part.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            var requestLine = request[..request.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
            var headersEnd = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            operations.Add((requestLine[1], headersEnd < 0 ? string.Empty : request[(headersEnd + 4)..].Trim()));
        }

        return operations;
    }

    [GeneratedRegex(@"boundary=(changeset_[^\s;""]+)")]
    private static partial Regex ChangesetBoundary();

    [GeneratedRegex(@"\(PartitionKey='(?<pk>.*)',RowKey='(?<rk>.*)'\)$", RegexOptions.Singleline)]
    private static partial Regex EntityAddress();
}
