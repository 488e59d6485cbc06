using Guichet.Domain.Ranking;

namespace Guichet.Domain.Tests.Ranking;

/// <summary>Waiting dossiers to rank: a plain one, that tests change one criterion at a time.</summary>
internal static class Dossiers
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Severity 0, vulnerability 0, other housing, no anchoring, requested today: a score of zero.</summary>
    public static RankingInput Plain(string id, int daysAgo = 0) =>
        new(id, Now.AddDays(-daysAgo), 0, 0, HousingSituation.Other, null, [], []);

    public static RankedDossier Ranked(RankingInput input, PriorityGrid? grid = null) =>
        PriorityRanking.Rank([input], grid ?? PriorityGrid.Default, Now).Dossiers.Single();

    public static ExplanationLine Line(RankedDossier dossier, string section) => dossier.Explanation.Single(l => l.Section == section);
}
