using Guichet.Runtime.Instances;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>How many entries verification reads at a time: it holds one page, whatever the history's length.</summary>
    private const int VerificationPageSize = 100;

    /// <summary>
    /// A page of an instance's history: up to <paramref name="pageSize"/> entries from <paramref name="fromSequence"/>
    /// (the first entry is 1), with where the next page starts; null when there is no such instance.
    /// </summary>
    public async Task<HistoryPage?> GetHistoryAsync(string instanceId, long fromSequence = 1, int pageSize = HistoryPage.DefaultSize, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, HistoryPage.MaxSize);
        var record = await Store.LoadAsync(instanceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (fromSequence > record.LastSequence)
        {
            return new([], null);
        }

        var entries = new List<HistoryEntry>(Math.Min(pageSize, HistoryPage.DefaultSize));
        await foreach (var entry in Store.ReadHistoryAsync(instanceId, fromSequence, fromSequence + pageSize - 1, pageSize, cancellationToken))
        {
            entries.Add(entry);
        }

        var next = fromSequence + pageSize;
        return new(entries, next <= record.LastSequence ? next : null);
    }

    /// <summary>
    /// Checks the keyed hash chain of an instance's whole history, reading it page by page in constant memory, up to
    /// the last entry its state row records; null when there is no such instance.
    /// </summary>
    public Task<HistoryVerification?> VerifyHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        VerifyHistoryAsync(instanceId, VerificationPageSize, cancellationToken);

    internal async Task<HistoryVerification?> VerifyHistoryAsync(string instanceId, int pageSize, CancellationToken cancellationToken)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        var record = await Store.LoadAsync(instanceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var verifier = new HistoryVerifier(Chain, record.LastSequence, record.LastHash);
        await foreach (var entry in Store.ReadHistoryAsync(instanceId, 1, record.LastSequence, pageSize, cancellationToken))
        {
            if (!verifier.Check(entry))
            {
                break;
            }
        }

        return verifier.Finish();
    }
}
