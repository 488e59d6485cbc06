using Azure.Data.Tables;
using Guichet.Runtime.Instances;

namespace Guichet.Runtime.Storage;

internal sealed partial class InstanceStore
{
    /// <summary>Up to <paramref name="count"/> inbox rows of an instance, in order, from a position on.</summary>
    public async Task<List<InboxItem>> ReadInboxFromAsync(string instanceId, long from, int count, CancellationToken ct)
    {
        var items = new List<InboxItem>();
        if (count < 1)
        {
            return items;
        }

        var upper = RowKeys.UpperBound(RowKeys.InboxPrefix);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {RowKeys.Inbox(from)} and RowKey lt {upper}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: count, cancellationToken: ct))
        {
            items.Add(InboxItem.FromEntity(row));
            if (items.Count == count)
            {
                break;
            }
        }

        return items;
    }
}
