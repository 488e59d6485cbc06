using Guichet.Domain;
using Guichet.Domain.Commissions;
using Guichet.Domain.Ranking;

namespace Guichet.Host.Commissions;

/// <summary>A commission session: its agenda ranked by the grid (with scores and explanations), its minutes and its overrides.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Device">The device.</param>
/// <param name="Status">"open" or "closed".</param>
/// <param name="SittingAt">When it sits.</param>
/// <param name="CutOff">Readings completed before this instant were taken on the agenda.</param>
/// <param name="GridVersion">The grid version that ranked the agenda.</param>
/// <param name="CarriedFrom">The device's previous session, whose undecided dossiers this one carries.</param>
/// <param name="Agenda">The agenda in rank order, each dossier with its decision once taken.</param>
/// <param name="Minutes">Every decision in the order taken, with its rank, grid version, who and when.</param>
/// <param name="Overrides">The rank overrides: how many, how many the session may make, and each with its reason.</param>
/// <param name="Refusals">What dossiers refused of the session (a dossier that had ended left the agenda).</param>
/// <param name="CarriedOver">The dossiers left undecided at closing, which the next session takes.</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="Note">The closing note.</param>
public sealed record SessionResponse(
    string SessionId,
    string Device,
    string Status,
    DateTimeOffset SittingAt,
    DateTimeOffset CutOff,
    int GridVersion,
    string? CarriedFrom,
    IReadOnlyList<AgendaEntry> Agenda,
    IReadOnlyList<MinutesEntry> Minutes,
    OverrideTally Overrides,
    IReadOnlyList<DossierRefusal> Refusals,
    IReadOnlyList<string> CarriedOver,
    DateTimeOffset? ClosedAt,
    string? Note)
{
    internal static SessionResponse From(CommissionSession session)
    {
        var opening = session.Opening;
        var decisions = session.Minutes.ToDictionary(m => m.Decision.DossierId, StringComparer.Ordinal);
        var left = session.Refusals.Where(r => r.EventName == Domain.Dossiers.DossierEventNames.PutOnAgenda)
            .GroupBy(r => r.DossierId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        var overridden = session.Minutes.Where(m => m.Decision.PriorityOverride is not null)
            .Select(m => new OverrideEntry(m.Decision.DossierId, m.Rank, m.Decision.PriorityOverride!, m.DecidedBy, m.DecidedAt))
            .ToList();
        return new(
            session.Id,
            WireName.Of(opening.Device),
            session.ClosedAt is null ? CommissionSessionDecider.Open : CommissionSessionDecider.Closed,
            opening.SittingAt,
            opening.CutOff,
            opening.GridVersion,
            opening.CarriedFrom,
            [.. opening.Agenda.OrderBy(a => a.Rank).Select(a => new AgendaEntry(a.Rank, a.DossierId, a.Score, a.Explanation, decisions.GetValueOrDefault(a.DossierId)?.Decision, left.GetValueOrDefault(a.DossierId)))],
            session.Minutes,
            new OverrideTally(overridden.Count, CommissionSessionDecider.OverrideAllowance(session), opening.OverrideCap, overridden),
            session.Refusals,
            session.CarriedOver,
            session.ClosedAt,
            session.Note);
    }
}

/// <summary>A dossier on the agenda.</summary>
/// <param name="Rank">Its rank by the grid, from 1.</param>
/// <param name="DossierId">The dossier.</param>
/// <param name="Score">Its score by the grid.</param>
/// <param name="Explanation">Criterion, value and points per section, summing to the score.</param>
/// <param name="Decision">The commission's decision, once taken.</param>
/// <param name="LeftAgenda">Why it left the agenda (it had ended), when it did.</param>
public sealed record AgendaEntry(int Rank, string DossierId, int Score, IReadOnlyList<ExplanationLine> Explanation, DecisionRecorded? Decision, string? LeftAgenda);

/// <summary>The session's rank overrides against its allowance.</summary>
/// <param name="Count">How many admissible decisions override the grid's order.</param>
/// <param name="Allowance">How many its admissibility decisions so far allow: the cap's share of them, at least one unless the cap is zero.</param>
/// <param name="Cap">The cap, a share of the session's admissibility decisions.</param>
/// <param name="Entries">Each override with its reason.</param>
public sealed record OverrideTally(int Count, int Allowance, double Cap, IReadOnlyList<OverrideEntry> Entries);

/// <summary>One rank override.</summary>
/// <param name="DossierId">The dossier ranked ahead.</param>
/// <param name="Rank">Its rank by the grid on the agenda.</param>
/// <param name="Reason">Why the commission ranks it ahead.</param>
/// <param name="DecidedBy">Who recorded it.</param>
/// <param name="DecidedAt">When.</param>
public sealed record OverrideEntry(string DossierId, int Rank, string Reason, string? DecidedBy, DateTimeOffset DecidedAt);
