namespace Guichet.Domain.Ranking;

/// <summary>What activating a draft grid would do to the current waiting list.</summary>
/// <param name="CurrentVersion">The current grid's version.</param>
/// <param name="DraftVersion">The draft's version.</param>
/// <param name="Dossiers">Each dossier's change, in the draft's order.</param>
/// <param name="BySex">Changes by sex.</param>
/// <param name="ByAgeBand">Changes by age band.</param>
/// <param name="ByDepartment">Changes by département ("unknown" when the dossier names none).</param>
/// <param name="ByPathologyGroup">Changes by pathology group; a dossier counts in each of its groups.</param>
public sealed record GridPreviewResult(
    int CurrentVersion,
    int DraftVersion,
    IReadOnlyList<RankChange> Dossiers,
    IReadOnlyList<GroupChange> BySex,
    IReadOnlyList<GroupChange> ByAgeBand,
    IReadOnlyList<GroupChange> ByDepartment,
    IReadOnlyList<GroupChange> ByPathologyGroup);
