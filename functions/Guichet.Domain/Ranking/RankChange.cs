namespace Guichet.Domain.Ranking;

/// <summary>How one dossier moves from the current grid to the draft.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="CurrentRank">Its rank under the current grid.</param>
/// <param name="DraftRank">Its rank under the draft.</param>
/// <param name="CurrentScore">Its score under the current grid.</param>
/// <param name="DraftScore">Its score under the draft.</param>
public sealed record RankChange(string DossierId, int CurrentRank, int DraftRank, int CurrentScore, int DraftScore)
{
    /// <summary>Places gained: positive when the dossier moves up the list, negative when it moves down.</summary>
    public int Movement => CurrentRank - DraftRank;
}
