using Azure.Data.Tables;

namespace Guichet.Runtime.ReadModels;

/// <summary>
/// Which step wrote a read-model row: the instance (its writer), the instance's generation (its creation time in
/// ticks, so that an instance purged and started again under the same id is a later writer than its namesake), and
/// the step's sequence. A writer's row is written over only from a later stamp of its own, never an earlier one.
/// </summary>
internal readonly record struct ProjectionStamp(string Owner, long Generation, long Sequence)
{
    /// <summary>The stamp a row carries, or null when it has none (written by hand, or before rows were stamped).</summary>
    public static ProjectionStamp? Of(TableEntity row) => row.GetString(ProjectionRows.Owner) is { } owner
        ? new(owner, row.GetInt64(ProjectionRows.Generation) ?? 0, row.GetInt64(ProjectionRows.Sequence) ?? 0)
        : null;

    /// <summary>Whether this is the same writer as <paramref name="other"/>, from the same step or an earlier one.</summary>
    public bool IsAtOrBefore(ProjectionStamp other) =>
        Owner == other.Owner && (Generation < other.Generation || (Generation == other.Generation && Sequence <= other.Sequence));

    /// <summary>Puts the stamp on a row.</summary>
    public void Mark(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row[ProjectionRows.Owner] = Owner;
        row[ProjectionRows.Generation] = Generation;
        row[ProjectionRows.Sequence] = Sequence;
    }
}
