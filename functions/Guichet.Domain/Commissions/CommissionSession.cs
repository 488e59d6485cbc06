namespace Guichet.Domain.Commissions;

/// <summary>The state of a commission session: its agenda and its minutes.</summary>
/// <param name="Id">The session's id (its instance id).</param>
/// <param name="Opening">What it was opened with.</param>
/// <param name="Minutes">Every decision, in the order taken, with who took it.</param>
/// <param name="ClosedAt">When it closed, or null while open.</param>
/// <param name="Note">The closing note.</param>
public sealed record CommissionSession(string Id, OpenSession Opening, IReadOnlyList<MinutesEntry> Minutes, DateTimeOffset? ClosedAt, string? Note);

/// <summary>One decision in the minutes: what, on which dossier, its rank and grid version, overrides with their reason.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Rank">The dossier's rank on the agenda.</param>
/// <param name="GridVersion">The grid version of the ranking.</param>
/// <param name="DecidedBy">Who recorded it.</param>
/// <param name="DecidedAt">When.</param>
public sealed record MinutesEntry(DecisionRecorded Decision, int Rank, int GridVersion, string? DecidedBy, DateTimeOffset DecidedAt);
