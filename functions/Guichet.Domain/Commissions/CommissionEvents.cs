using Guichet.Domain.Ranking;

namespace Guichet.Domain.Commissions;

/// <summary>
/// What a commission session starts from: its device and sitting, its agenda (dossiers whose readings completed
/// before the cut-off, in the grid's order at opening), and the grid version that ordered it.
/// </summary>
/// <param name="Device">The device.</param>
/// <param name="SittingAt">When it sits.</param>
/// <param name="CutOff">Readings completed before this instant are on the agenda.</param>
/// <param name="Agenda">The agenda, ranked.</param>
/// <param name="GridVersion">The priority grid version that ranked the agenda.</param>
/// <param name="OverrideCap">The share of admissibility decisions that may override the rank order (default 0.10).</param>
/// <param name="CarriedFrom">The previous session of the device, whose undecided dossiers this one carries.</param>
public sealed record OpenSession(
    Device Device,
    DateTimeOffset SittingAt,
    DateTimeOffset CutOff,
    IReadOnlyList<AgendaItem> Agenda,
    int GridVersion,
    double OverrideCap,
    string? CarriedFrom);

/// <summary>A dossier on a session's agenda.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Rank">Its rank on the agenda (1 first) by the grid.</param>
/// <param name="Score">Its score by the grid.</param>
/// <param name="Explanation">The score's breakdown.</param>
public sealed record AgendaItem(string DossierId, int Rank, int Score, IReadOnlyList<ExplanationLine> Explanation);

/// <summary>What may happen to a commission session.</summary>
public abstract record CommissionEvent;

/// <summary>"decision-recorded": the commission decides on one dossier of its agenda.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Verdict">Admissible, not admissible, adjourned.</param>
/// <param name="Code">Required when not admissible.</param>
/// <param name="Justification">Required unless admissible.</param>
/// <param name="PriorityOverride">A reason to rank the dossier ahead of the grid's order (admissible only; capped).</param>
/// <remarks>The last three may be left out of the body (an admissible decision names none of them).</remarks>
public sealed record DecisionRecorded(
    string DossierId,
    CommissionVerdict Verdict,
    NonAdmissibilityCode? Code = null,
    string? Justification = null,
    string? PriorityOverride = null) : CommissionEvent;

/// <summary>
/// "agenda-continued": sent by the session to itself while its agenda is being put together: it puts the next dossiers
/// of the agenda on it, from <paramref name="From"/> (their position in the agenda).
/// </summary>
/// <param name="From">The position of the first dossier this step puts on the agenda.</param>
public sealed record AgendaContinued(int From) : CommissionEvent;

/// <summary>"session-closed": the session closes; undecided dossiers are carried to the next one.</summary>
/// <param name="Note">Anything the minutes should say.</param>
public sealed record SessionClosed(string? Note) : CommissionEvent;
