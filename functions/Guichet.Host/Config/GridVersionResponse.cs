using Guichet.Domain.Ranking;

namespace Guichet.Host.Config;

/// <summary>A version of the priority grid as the API shows it.</summary>
/// <param name="Version">The version number.</param>
/// <param name="Status">Draft, scheduled, active or retired, now.</param>
/// <param name="ActiveFrom">From when it is in force, once activated.</param>
/// <param name="CreatedAt">When it was written (or its draft last revised).</param>
/// <param name="CreatedBy">Who wrote it.</param>
/// <param name="ActivatedAt">When it was activated.</param>
/// <param name="ActivatedBy">Who activated it.</param>
/// <param name="Grid">The grid.</param>
public sealed record GridVersionResponse(
    int Version,
    GridVersionStatus Status,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? ActivatedAt,
    string? ActivatedBy,
    PriorityGrid Grid)
{
    internal static GridVersionResponse From(GridVersion version, DateTimeOffset now, GridVersion? inForce) => new(
        version.Version,
        version.StatusAt(now, inForce),
        version.ActiveFrom,
        version.CreatedAt,
        version.CreatedBy,
        version.ActivatedAt,
        version.ActivatedBy,
        version.Grid);
}

/// <summary>The grid in force and every version, newest first.</summary>
/// <param name="Active">The version in force now.</param>
/// <param name="Versions">Every version, newest first, with its status.</param>
public sealed record PriorityGridResponse(GridVersionResponse Active, IReadOnlyList<GridVersionResponse> Versions);
