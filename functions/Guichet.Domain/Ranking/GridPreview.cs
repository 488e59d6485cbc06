using Guichet.Domain.Disclosure;

namespace Guichet.Domain.Ranking;

/// <summary>
/// Previews a draft grid against the current waiting list before the ARS activates it: each dossier's rank
/// change, and the changes by sex, age band, département and pathology group, so that a grid that would push
/// one group down the list shows before it applies. A group of fewer than 11 dossiers shows no figure (DESIGN §7): a
/// preview lists every dossier's move, so a small group's figures would tell who is in it, a pathology included.
/// </summary>
public static class GridPreview
{
    /// <summary>
    /// Ranks <paramref name="waiting"/> under both grids at <paramref name="now"/> and compares; groups of fewer than
    /// <paramref name="smallestGroup"/> dossiers are masked (the threshold is lowered only to test the arithmetic).
    /// </summary>
    public static GridPreviewResult Compare(
        IEnumerable<WaitingDossier> waiting, PriorityGrid current, PriorityGrid draft, DateTimeOffset now, int smallestGroup = SmallCells.Threshold)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var dossiers = waiting.ToArray();
        var inputs = dossiers.Select(d => d.Input).ToArray();
        var before = PriorityRanking.Rank(inputs, current, now).Dossiers.ToDictionary(d => d.DossierId, StringComparer.Ordinal);
        var after = PriorityRanking.Rank(inputs, draft, now).Dossiers;
        var changes = after
            .Select(d => (Draft: d, Current: before[d.DossierId]))
            .Select(p => new RankChange(p.Draft.DossierId, p.Current.Rank, p.Draft.Rank, p.Current.Score, p.Draft.Score))
            .ToArray();
        var byId = changes.ToDictionary(c => c.DossierId, StringComparer.Ordinal);
        var moves = dossiers.Select(d => (d.Profile, Change: byId[d.Input.DossierId])).ToArray();

        return new(
            current.Version,
            draft.Version,
            changes,
            Groups(moves, p => [WireName.Of(p.Sex)], WireName.All<Sex>(), smallestGroup),
            Groups(moves, p => [WireName.Of(p.AgeBandAt(now))], WireName.All<AgeBand>(), smallestGroup),
            Groups(moves, p => [p.Department is { } d ? WireName.Of(d) : "unknown"], [.. WireName.All<Department>(), "unknown"], smallestGroup),
            Groups(moves, p => p.PathologyGroups.Select(WireName.Of), WireName.All<PathologyGroup>(), smallestGroup));
    }

    /// <summary>The changes aggregated by group, in the order of <paramref name="order"/>, groups without dossiers left out, small ones masked.</summary>
    private static GroupChange[] Groups(
        (DossierProfile Profile, RankChange Change)[] moves, Func<DossierProfile, IEnumerable<string>> groupsOf, IReadOnlyList<string> order, int smallestGroup)
    {
        var groups = moves
            .SelectMany(m => groupsOf(m.Profile).Select(g => (Group: g, m.Change.Movement)))
            .GroupBy(m => m.Group, StringComparer.Ordinal)
            .OrderBy(g => order.ToList().IndexOf(g.Key))
            .ToArray();
        var masked = SmallCells.Masked([.. groups.Select(g => g.Count())], smallestGroup);
        return
        [
            .. groups.Select((g, i) => masked[i] ? GroupChange.Masked(g.Key) : new GroupChange(
                g.Key,
                g.Count(),
                g.Average(m => m.Movement),
                g.Count(m => m.Movement > 0),
                g.Count(m => m.Movement < 0),
                g.Count(m => m.Movement == 0))),
        ];
    }
}
