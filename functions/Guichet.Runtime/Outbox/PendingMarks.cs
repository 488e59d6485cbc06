using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Outbox;

/// <summary>
/// The pending-work marks, the mark range of the work index (see <see cref="WorkIndex"/>). Tables have no transaction
/// across partitions, so a step that leaves work behind its commit (outbox rows, buffered events of a running instance)
/// first marks it here; the mark goes once the work is done. The sweeper reads these marks only, so its cost follows
/// the work pending, never the number of rows ever written.
/// </summary>
internal sealed class PendingMarks(TableClient table)
{
    /// <summary>What Azure answers a merge that would leave an entity with more than 252 properties.</summary>
    private const string TooManyProperties = "TooManyProperties";

    public TableClient Table { get; } = table;

    public static string OutboxKey(string instanceId, long sequence) => FormattableString.Invariant($"{WorkIndex.MarkPrefix}{instanceId}|o{sequence:D10}");

    public static string InboxKey(string instanceId, long position) => FormattableString.Invariant($"{WorkIndex.MarkPrefix}{instanceId}|i{position:D10}");

    /// <summary>
    /// The marks a commit needs: one per step with outbox rows, keyed by its sequence, so that deleting it never
    /// deletes another step's; one when the instance runs with events buffered, or ended with events left in its
    /// inbox, keyed by the last one. A step
    /// of the drain itself needs no inbox mark: the mark that started the drain stays until the inbox is empty.
    /// </summary>
    public static IEnumerable<string> KeysFor(Commit commit)
    {
        var record = commit.Record;
        if (commit.Outbox.Count > 0)
        {
            yield return OutboxKey(record.InstanceId, record.LastSequence);
        }

        if (commit.InboxRemove is null && record.RuntimeStatus == RuntimeStatus.Running && record.BufferedEvents > 0)
        {
            yield return InboxKey(record.InstanceId, record.InboxTail - 1);
        }

        // An instance ended with events still in its inbox: they are recorded as not applied and deleted after the
        // commit, which a crash may prevent.
        if (record.RuntimeStatus is RuntimeStatus.Completed or RuntimeStatus.Terminated && (commit.InboxLeftBehind || record.BufferedEvents > 0))
        {
            yield return InboxKey(record.InstanceId, record.InboxTail - 1);
        }
    }

    /// <summary>
    /// Writes a mark for a step about to be committed. Hosts racing on the same step write the same key, so each adds its
    /// attempt to the row (merged, never replaced; see <see cref="PendingMark.Attempts"/>), and the sweeper can tell when
    /// every attempt behind a mark has lost for good. A row that holds no more columns (252 properties, some 250 attempts)
    /// is written over as one whose attempts are not all known (an attempt with no event id): the sweeper then waits for
    /// <see cref="WorkflowRuntime.MarkGrace"/> instead of naming them, and the step is still marked, with no read first.
    /// </summary>
    public async Task MarkAsync(string rowKey, string instanceId, DateTimeOffset writtenAt, string? eventId, CancellationToken ct)
    {
        try
        {
            await Table.UpsertEntityAsync(Row(rowKey, instanceId, writtenAt, eventId), TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && ex.ErrorCode == TooManyProperties)
        {
            await Table.UpsertEntityAsync(Row(rowKey, instanceId, writtenAt, null), TableUpdateMode.Replace, ct);
        }
    }

    private static TableEntity Row(string rowKey, string instanceId, DateTimeOffset writtenAt, string? eventId) =>
        new(WorkIndex.Partition, rowKey) { ["InstanceId"] = instanceId, ["WrittenAt"] = writtenAt, [PendingMark.AttemptColumn(eventId)] = eventId ?? string.Empty };

    /// <summary>Deletes a mark; one already gone is fine. With the ETag read, a mark written again meanwhile stays.</summary>
    public async Task DeleteAsync(string rowKey, ETag ifMatch, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(WorkIndex.Partition, rowKey, ifMatch, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    /// <summary>Every mark, in key order (so grouped by instance), a page of up to 1,000 per request.</summary>
    public IAsyncEnumerable<PendingMark> AllAsync(CancellationToken ct) => RangeAsync(WorkIndex.MarkPrefix, ct);

    /// <summary>The marks of one instance: a range of the partition, by the instance id's key prefix.</summary>
    public IAsyncEnumerable<PendingMark> OfAsync(string instanceId, CancellationToken ct) => RangeAsync(WorkIndex.MarkPrefix + instanceId + "|", ct);

    private IAsyncEnumerable<PendingMark> RangeAsync(string prefix, CancellationToken ct) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {WorkIndex.Partition} and RowKey ge {prefix} and RowKey lt {RowKeys.UpperBound(prefix)}"), ct);

    private async IAsyncEnumerable<PendingMark> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            yield return PendingMark.FromEntity(row);
        }
    }
}
