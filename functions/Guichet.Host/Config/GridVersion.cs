using Azure;
using Guichet.Domain.Ranking;

namespace Guichet.Host.Config;

/// <summary>One stored version of the priority grid: the grid, who wrote it, and from when and by whom it was activated.</summary>
/// <param name="Grid">The grid; its <see cref="PriorityGrid.Version"/> is the version.</param>
/// <param name="CreatedAt">When it was written (or its draft last revised).</param>
/// <param name="CreatedBy">Who wrote it.</param>
/// <param name="ActiveFrom">From when it is in force, once activated; null for a draft.</param>
/// <param name="ActivatedAt">When it was activated.</param>
/// <param name="ActivatedBy">Who activated it.</param>
/// <param name="ETag">The stored row's version, so that a revision or an activation loses no concurrent write.</param>
internal sealed record GridVersion(
    PriorityGrid Grid,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActivatedAt,
    string? ActivatedBy,
    ETag ETag)
{
    /// <summary>The version number.</summary>
    public int Version => Grid.Version;

    /// <summary>Whether it was activated, which makes it immutable.</summary>
    public bool IsActivated => ActiveFrom is not null;

    /// <summary>The version in force at <paramref name="at"/>: of those activated from that instant or before, the latest activation (then the higher version).</summary>
    public static GridVersion? InForce(IEnumerable<GridVersion> versions, DateTimeOffset at) =>
        versions.Where(v => v.ActiveFrom <= at).MaxBy(v => (v.ActiveFrom!.Value.UtcTicks, v.Version));

    /// <summary>Its status at <paramref name="now"/>, given the version in force then.</summary>
    public GridVersionStatus StatusAt(DateTimeOffset now, GridVersion? inForce) => ActiveFrom switch
    {
        null => GridVersionStatus.Draft,
        { } from when from > now => GridVersionStatus.Scheduled,
        _ when inForce?.Version == Version => GridVersionStatus.Active,
        _ => GridVersionStatus.Retired,
    };
}
