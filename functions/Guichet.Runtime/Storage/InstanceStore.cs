using Azure;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;

namespace Guichet.Runtime.Storage;

/// <summary>
/// The instances table: one partition per instance; every write of a step is one transaction, preceded by the
/// pending-work marks of what the step leaves to do after it (see <see cref="PendingMarks"/>).
/// </summary>
internal sealed partial class InstanceStore(TableClient table, PendingMarks marks, TimeSpan commitDeadline)
{
    public TableClient Table { get; } = table;

    public PendingMarks Marks { get; } = marks;

    public async Task<InstanceRecord?> LoadAsync(string instanceId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.State, cancellationToken: ct);
        return response.HasValue ? InstanceRecord.FromEntity(response.Value!) : null;
    }

    /// <summary>
    /// Commits a step as one entity group transaction. What Azure would refuse is never sent
    /// (<see cref="TableLimits"/>), and a refusal for malformed input is reported, not thrown: both are
    /// <see cref="CommitResult.DoesNotFit"/>, which no retry can change.
    /// </summary>
    public async Task<CommitOutcome> CommitAsync(Commit commit, CancellationToken ct)
    {
        var id = commit.Record.InstanceId;
        var actions = Actions(commit, out var eventIndex);
        if (TableLimits.Problem(actions) is { } problem)
        {
            return new(CommitResult.DoesNotFit, Problem: problem);
        }

        foreach (var key in PendingMarks.KeysFor(commit))
        {
            // Before the commit: a crash between the two leaves a mark that vouches for nothing, which the sweeper drops.
            await Marks.MarkAsync(key, id, commit.Record.UpdatedAt, commit.EventId, ct);
        }

        // Wall-clock, as the request it bounds: a runtime on a fake clock that jumps days must not cut a commit in flight.
        using var deadline = new CancellationTokenSource(commitDeadline);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            var response = await Table.SubmitTransactionAsync(actions, linked.Token);
            return new(CommitResult.Committed, response.Value[0].Headers.ETag ?? default);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // The deadline, not the caller, gave up: a failure that may pass, never mistaken for the host stopping.
            throw new TimeoutException($"The step of {id} was not committed within {commitDeadline}; it may still land, or not.", ex);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return new(await ClassifyAsync(commit, ex, eventIndex, ct));
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 413)
        {
            return new(CommitResult.DoesNotFit, Problem: $"Azure refused the step ({ex.Status} {ex.ErrorCode}): {ex.Message}");
        }
    }

    /// <summary>Why Azure would refuse the commit's transaction (see <see cref="TableLimits"/>), or null when it fits; nothing is sent.</summary>
    public static string? Problem(Commit commit) => TableLimits.Problem(Actions(commit, out _));

    /// <summary>The commit's rows as one transaction; <paramref name="eventIndex"/> is that of its processed-event row, or -1.</summary>
    private static List<TableTransactionAction> Actions(Commit commit, out int eventIndex)
    {
        var id = commit.Record.InstanceId;
        var actions = new List<TableTransactionAction>(commit.OperationCount)
        {
            commit.IsNew
                ? new(TableTransactionActionType.Add, commit.Record.ToEntity())
                : new(TableTransactionActionType.UpdateReplace, commit.Record.ToEntity(), commit.Record.ETag),
        };
        eventIndex = -1;
        if (commit.EventId is not null)
        {
            eventIndex = actions.Count;
            actions.Add(new(TableTransactionActionType.Add, EventRows.ToEntity(id, EventRows.Of(commit, commit.EventId))));
        }

        actions.AddRange(commit.Settled.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventRows.ToEntity(id, s))));

        actions.AddRange(commit.Preceding.Select(e => new TableTransactionAction(TableTransactionActionType.Add, HistoryRows.ToEntity(id, e))));
        if (commit.Entry is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, HistoryRows.ToEntity(id, commit.Entry)));
        }

        foreach (var discard in commit.Discards)
        {
            actions.Add(new(TableTransactionActionType.Add, HistoryRows.ToEntity(id, discard.Entry)));
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(id, RowKeys.Inbox(discard.Position)), ETag.All));
        }

        actions.AddRange(commit.Outbox.Select(o => new TableTransactionAction(TableTransactionActionType.Add, o.ToEntity(id))));
        if (commit.InboxAdd is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, commit.InboxAdd.ToEntity(id)));
        }

        if (commit.InboxRemove is { } position)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(id, RowKeys.Inbox(position)), ETag.All));
        }

        if (commit.OutboxRemove is not null)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(id, commit.OutboxRemove), ETag.All));
        }

        return actions;
    }

    private async Task<CommitResult> ClassifyAsync(Commit commit, TableTransactionFailedException ex, int eventIndex, CancellationToken ct)
    {
        if (commit.IsNew && ex.FailedTransactionActionIndex == 0)
        {
            return CommitResult.AlreadyExists;
        }

        if (ex.Status == 409 && commit.EventId is not null
            && (ex.FailedTransactionActionIndex == eventIndex || await HasProcessedAsync(commit.Record.InstanceId, commit.EventId, ct)))
        {
            return CommitResult.Duplicate;
        }

        return CommitResult.Conflict;
    }

    /// <summary>What became of an event id the instance recorded, or null when it never met it.</summary>
    public async Task<EventOutcome?> ReadEventAsync(string instanceId, string eventId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Event(eventId), cancellationToken: ct);
        return response.HasValue ? EventRows.FromEntity(response.Value!) : null;
    }

    public async Task<bool> HasProcessedAsync(string instanceId, string eventId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Event(eventId), ["EventId"], ct);
        return response.HasValue;
    }
}
