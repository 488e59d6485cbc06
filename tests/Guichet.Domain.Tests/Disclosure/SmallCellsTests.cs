using Guichet.Domain.Disclosure;

namespace Guichet.Domain.Tests.Disclosure;

/// <summary>No cell under 11 people is shown, with secondary suppression (DESIGN §7).</summary>
public sealed class SmallCellsTests
{
    [Fact]
    public void CellsOfElevenOrMore_AreShown()
    {
        Assert.Equal([false, false, false], SmallCells.Masked([11, 40, 0]));
    }

    [Fact]
    public void TwoSmallCells_AreMasked_AndNothingElse()
    {
        Assert.Equal([true, false, true], SmallCells.Masked([3, 40, 10]));
    }

    [Fact]
    public void OneSmallCell_MasksTheSmallestOtherCellToo()
    {
        Assert.Equal([true, false, true, false], SmallCells.Masked([2, 40, 12, 0]));
    }

    [Fact]
    public void ASmallCellAlone_IsMasked()
    {
        Assert.Equal([true], SmallCells.Masked([4]));
    }

    [FsCheck.Xunit.Property]
    public bool NeverASingleMaskedCell_NorAShownCellUnderTheThreshold(FsCheck.NonNegativeInt[] counts)
    {
        var values = counts.Select(c => c.Get % 30).ToArray();
        var masked = SmallCells.Masked(values);
        var shownSmall = values.Where((c, i) => !masked[i] && c is > 0 and < SmallCells.Threshold).Any();
        var lonely = masked.Count(m => m) == 1 && values.Count(c => c > 0) > 1;
        return !shownSmall && !lonely;
    }
}
