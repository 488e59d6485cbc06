namespace Guichet.Domain.Commissions;

/// <summary>The state of a commission session: its agenda and its minutes.</summary>
/// <param name="Id">The session's id (its instance id).</param>
/// <param name="Opening">What it was opened with.</param>
/// <param name="Minutes">Every decision, in the order taken, with who took it.</param>
/// <param name="ClosedAt">When it closed, or null while open.</param>
/// <param name="Note">The closing note.</param>
public sealed record CommissionSession(string Id, OpenSession Opening, IReadOnlyList<MinutesEntry> Minutes, DateTimeOffset? ClosedAt, string? Note)
{
    /// <summary>
    /// What dossiers refused of this session: to be put on its agenda (the dossier had ended), or a decision (it
    /// had ended, or moved to a later agenda). A dossier that refused the agenda has left it: no decision is
    /// taken on it here, and it is not carried over.
    /// </summary>
    public IReadOnlyList<DossierRefusal> Refusals { get; init; } = [];

    /// <summary>
    /// How many dossiers of the agenda, in agenda order, have been put on it so far: the opening puts the first
    /// <see cref="CommissionSessionDecider.AgendaStep"/>, and each "agenda-continued" the next ones.
    /// </summary>
    public int OnAgenda { get; init; }

    /// <summary>The dossiers of the agenda left undecided at closing, in agenda order: the next session of the device takes them.</summary>
    public IReadOnlyList<string> CarriedOver { get; init; } = [];
}

/// <summary>An event a dossier did not apply, as the runtime told the session (<see cref="DossierRefused"/>).</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="EventName">The event sent: "put-on-agenda" or "commission-decided".</param>
/// <param name="Reason">Why it was not applied, as the runtime or the dossier said it.</param>
/// <param name="At">When the session heard of it.</param>
public sealed record DossierRefusal(string DossierId, string EventName, string Reason, DateTimeOffset At);

/// <summary>One decision in the minutes: what, on which dossier, its rank and grid version, overrides with their reason.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Rank">The dossier's rank on the agenda.</param>
/// <param name="GridVersion">The grid version of the ranking.</param>
/// <param name="DecidedBy">Who recorded it.</param>
/// <param name="DecidedAt">When.</param>
public sealed record MinutesEntry(DecisionRecorded Decision, int Rank, int GridVersion, string? DecidedBy, DateTimeOffset DecidedAt);
