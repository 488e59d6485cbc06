using Azure;
using Azure.Data.Tables;

namespace Guichet.Runtime.ReadModels;

/// <summary>
/// A read model: the table the steps of instances project rows into (see <see cref="Deciders.Project"/>). Rows come
/// as written after their step committed, so a read may lag a step behind, never go back; removed rows are skipped.
/// Every row carries <c>_Owner</c> (the instance that wrote it), <c>_Generation</c> (that instance's creation time, in
/// ticks) and <c>_Sequence</c> (its step).
/// </summary>
public sealed class ReadModel
{
    private readonly TableClient _table;

    internal ReadModel(TableClient table) => _table = table;

    /// <summary>The table's full name (the hub, then the read model's name).</summary>
    public string TableName => _table.Name;

    /// <summary>
    /// One page of the rows matching an OData filter (build it with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>;
    /// null: all rows). A page may hold fewer than <paramref name="pageSize"/> rows even when more follow: go on while the token is not null.
    /// </summary>
    public async Task<ReadModelPage> QueryAsync(string? filter = null, int pageSize = 100, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var live = $"{ProjectionRows.Removed} eq false";
        var query = string.IsNullOrWhiteSpace(filter) ? live : $"({filter}) and {live}";
        try
        {
            await foreach (var page in _table.QueryAsync<TableEntity>(query, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
            {
                return new(page.Values, page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing was ever projected into it.
        }

        return new([], null);
    }

    /// <summary>The row with these keys, or null when there is none or it was removed.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            return response.HasValue && response.Value!.GetBoolean(ProjectionRows.Removed) != true ? response.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
