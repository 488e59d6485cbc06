using System.Globalization;
using Azure.Data.Tables;
using Guichet.Domain.Placement;
using Guichet.Host.ReadModels;
using Guichet.Runtime;

namespace Guichet.Host.Placement;

/// <summary>
/// Every candidacy that went overdue (invariant 5), whatever became of it since: still unanswered, answered late, or
/// ended otherwise. Its <c>overdueAt</c> is kept by the vacancy for good, so the ARS's list and the observatory's count
/// never lose one when a late answer arrives. Read from the <c>Candidacies</c> read model, filtered on that column.
/// </summary>
internal static class OverdueCandidacies
{
    /// <summary>The candidacies gone overdue in [<paramref name="from"/>, <paramref name="to"/>), by overdueAt then id; <paramref name="answered"/> keeps those the structure answered late (true) or not (false).</summary>
    public static async Task<List<CandidacyRow>> ListAsync(WorkflowRuntime runtime, DateTimeOffset? from, DateTimeOffset? to, bool? answered, CancellationToken cancellationToken)
    {
        var rows = await runtime.ReadModel(PlacementReadModels.Candidacies).ReadAllAsync(Filter(from, to, answered), cancellationToken);
        return [.. rows.Select(ReadModelRows.As<CandidacyRow>).OrderBy(r => r.OverdueAt).ThenBy(r => r.CandidacyId, StringComparer.Ordinal)];
    }

    /// <summary>How many candidacies went overdue in [<paramref name="from"/>, <paramref name="to"/>): the observatory's figure.</summary>
    public static async Task<int> CountAsync(WorkflowRuntime runtime, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        (await runtime.ReadModel(PlacementReadModels.Candidacies).ReadAllAsync(Filter(from, to, null), cancellationToken)).Count;

    /// <summary>
    /// The filter on overdueAt. Read-model columns hold instants as the rows' JSON wrote them (ISO 8601, UTC), so the
    /// bounds are written the same way and compare as strings; a row never overdue has no such column and never matches.
    /// </summary>
    private static string Filter(DateTimeOffset? from, DateTimeOffset? to, bool? answered)
    {
        var lower = ReadModelRows.Instant(from ?? DateTimeOffset.MinValue);
        var filter = to is { } end
            ? TableClient.CreateQueryFilter($"overdueAt ge {lower} and overdueAt lt {ReadModelRows.Instant(end)}")
            : TableClient.CreateQueryFilter($"overdueAt ge {lower}");
        return answered is { } late ? $"{filter} and {TableClient.CreateQueryFilter($"late eq {late}")}" : filter;
    }

    /// <summary>An instant of a query (ISO 8601; a day alone is its midnight UTC), or null when it does not read.</summary>
    public static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
