using Guichet.Runtime.Instances;
using Guichet.Runtime.ReadModels;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>The status of an instance, or null when there is none; <paramref name="withData"/> adds input, output and state.</summary>
    public async Task<InstanceStatus?> GetStatusAsync(string instanceId, bool withData = false, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        return (await Store.LoadAsync(instanceId, cancellationToken))?.ToStatus(withData);
    }

    /// <summary>
    /// Lists instances matching a query, one page at a time, from the instance list's read models: a page's cost is bounded
    /// by <paramref name="pageSize"/>, whatever the instances' histories hold and however many instances there are. By runtime status, type or
    /// id prefix with a type, a page is one request on one partition, in workflow type then id order (by status: status
    /// after status, in that order within each). By creation time, or by id prefix without a type, a page reads at most
    /// <paramref name="pageSize"/> keys of the key list, in creation (or id) order, then their summaries by point reads;
    /// conditions those keys do not settle (status, type) are checked on the summaries, so such a page may come short.
    /// By type, prefix or creation time, each instance's pending timers, buffered events and what it waits for are those
    /// of its last step (a step that changes them refreshes its summary), its history length and update time those of the
    /// last step that changed something listed; by status, an instance is shown as of its last status change. Read its
    /// status for the exact figures. A page may hold fewer than
    /// <paramref name="pageSize"/> instances even when more follow: go on while the token is not null. A token from
    /// another query is refused (a <see cref="Azure.RequestFailedException"/> of status 400).
    /// </summary>
    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, string? continuationToken = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        return InstanceList.QueryAsync(query, continuationToken, pageSize, cancellationToken);
    }

    /// <summary>
    /// A read model: the rows steps projected into the table <paramref name="table"/> (under this hub), to query
    /// by filter and page; removed rows are skipped. The instance list is the read model <c>InstanceIndex</c>.
    /// </summary>
    public ReadModel ReadModel(string table)
    {
        if (!ReadModelNames.IsValidTable(table))
        {
            throw new ArgumentException($"'{table}' is not a read-model table: 1 to {ReadModelNames.MaxTableLength} letters or digits, starting with a letter.", nameof(table));
        }

        return new ReadModel(Projections.Table(table));
    }
}
