using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.ReadModels;

/// <summary>
/// Reads read-model rows back into the records the deciders projected: a row's columns are the record's top-level
/// properties as <see cref="WorkflowJson.Options"/> wrote them, so they bind back with the same options.
/// </summary>
internal static class ReadModelRows
{
    /// <summary>The most rows a page may hold.</summary>
    private const int PageSize = 1000;

    /// <summary>Every row matching <paramref name="filter"/> (built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>), all pages read.</summary>
    public static async Task<List<TableEntity>> ReadAllAsync(this ReadModel model, string? filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        string? token = null;
        do
        {
            var page = await model.QueryAsync(filter, PageSize, token, cancellationToken);
            rows.AddRange(page.Rows);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return rows;
    }

    /// <summary>
    /// An instant as a read-model column holds it (the rows' JSON: ISO 8601, UTC), to compare a column with in a filter:
    /// such columns are strings, and instants written alike compare as strings in time order.
    /// </summary>
    public static string Instant(DateTimeOffset at) => JsonSerializer.Serialize(at.ToUniversalTime(), WorkflowJson.Options)[1..^1];

    /// <summary>The row as the record <typeparamref name="T"/> it was projected from; keys and the runtime's own columns are left out.</summary>
    public static T As<T>(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var json = new JsonObject();
        foreach (var (name, value) in row)
        {
            if (name.StartsWith('_') || name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            json[name] = value switch
            {
                null => null,
                string text => JsonValue.Create(text),
                bool flag => JsonValue.Create(flag),
                int number => JsonValue.Create(number),
                long number => JsonValue.Create(number),
                double number => JsonValue.Create(number),
                DateTimeOffset instant => JsonValue.Create(instant),
                _ => JsonValue.Create(value.ToString()),
            };
        }

        return json.Deserialize<T>(WorkflowJson.Options)
            ?? throw new JsonException($"Row {row.PartitionKey}/{row.RowKey} does not read as {typeof(T).Name}.");
    }
}
