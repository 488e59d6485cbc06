namespace Guichet.Domain.Commissions;

/// <summary>The read models the commission-session workflow projects (Project effects), by table name.</summary>
public static class CommissionReadModels
{
    /// <summary>Every session, by device (PK device, RK session id): <see cref="CommissionSessionRow"/>, what <c>GET /commissions?device=</c> lists.</summary>
    public const string Sessions = "CommissionSessions";
}

/// <summary>A session as its device's list shows it: when it sits, whether it is open, and its tally so far.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Device">The device, as on the wire.</param>
/// <param name="SittingAt">When it sits.</param>
/// <param name="CutOff">Readings completed before this instant were taken on the agenda.</param>
/// <param name="Status">"open" or "closed".</param>
/// <param name="GridVersion">The grid version that ranked the agenda.</param>
/// <param name="AgendaSize">How many dossiers the agenda holds.</param>
/// <param name="Decisions">How many it decided.</param>
/// <param name="Admissible">How many it declared admissible.</param>
/// <param name="NotAdmissible">How many it declared not admissible.</param>
/// <param name="Adjourned">How many it adjourned.</param>
/// <param name="Overrides">How many admissible decisions override the grid's order.</param>
/// <param name="OverrideAllowance">How many overrides its admissibility decisions so far allow: the cap's share of them, at least one unless the cap is zero.</param>
/// <param name="LeftAgenda">How many dossiers refused the agenda (they had ended).</param>
/// <param name="CarriedOver">How many undecided dossiers it carried to the next session, once closed.</param>
/// <param name="ClosedAt">When it closed, or null while open.</param>
public sealed record CommissionSessionRow(
    string SessionId,
    string Device,
    DateTimeOffset SittingAt,
    DateTimeOffset CutOff,
    string Status,
    int GridVersion,
    int AgendaSize,
    int Decisions,
    int Admissible,
    int NotAdmissible,
    int Adjourned,
    int Overrides,
    int OverrideAllowance,
    int LeftAgenda,
    int CarriedOver,
    DateTimeOffset? ClosedAt);
