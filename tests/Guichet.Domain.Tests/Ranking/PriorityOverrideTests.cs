using Guichet.Domain.Ranking;
using static Guichet.Domain.Tests.Ranking.Dossiers;

namespace Guichet.Domain.Tests.Ranking;

/// <summary>
/// Invariant 6, a commission that overrides the rank states why: given waiting dossiers some of which the
/// commission ranked ahead, when they are ranked, then those come first, in the grid's order among themselves.
/// </summary>
public sealed class PriorityOverrideTests
{
    private static readonly RankingInput High = Plain("d-high") with { MedicalSeverity = 5 };
    private static readonly RankingInput Middle = Plain("d-middle") with { MedicalSeverity = 3 };
    private static readonly RankingInput Low = Plain("d-low") with { MedicalSeverity = 1 };

    [Fact]
    public void OverriddenDossiers_ComeFirst_OrderedAmongThemselvesByTheGrid()
    {
        var lowAhead = Low with { PriorityOverride = "Sortie d'hospitalisation sans solution, avis unanime." };
        var middleAhead = Middle with { PriorityOverride = "Enfant à charge." };

        var ranked = PriorityRanking.Rank([High, lowAhead, middleAhead], PriorityGrid.Default, Now).Dossiers;

        Assert.Equal(["d-middle", "d-low", "d-high"], ranked.Select(d => d.DossierId));
        Assert.Equal([1, 2, 3], ranked.Select(d => d.Rank));
        Assert.Equal(["Enfant à charge.", "Sortie d'hospitalisation sans solution, avis unanime.", null], ranked.Select(d => d.PriorityOverride));
    }

    [Fact]
    public void AnOverride_ChangesNoPoints_TheExplanationStillSumsToTheScore()
    {
        var plain = Ranked(Low);
        var overridden = Ranked(Low with { PriorityOverride = "Motif." });

        Assert.Equal(plain.Score, overridden.Score);
        Assert.Equal(plain.Explanation, overridden.Explanation);
        Assert.Equal(overridden.Score, overridden.Explanation.Sum(l => l.Points));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankReason_IsNoOverride_AndTheGridAloneOrders(string? reason)
    {
        var ranked = PriorityRanking.Rank([Low with { PriorityOverride = reason }, High, Middle], PriorityGrid.Default, Now).Dossiers;

        Assert.Equal(["d-high", "d-middle", "d-low"], ranked.Select(d => d.DossierId));
        Assert.All(ranked, d => Assert.Null(d.PriorityOverride));
    }
}
