using Guichet.Domain.Dossiers;
using Guichet.Domain.Ranking;

namespace Guichet.Host.WaitingList;

/// <summary>A dossier of a waiting list as its read-model row holds it, and as the ranking and the grid preview read it.</summary>
/// <param name="Row">The row.</param>
/// <param name="Dossier">What ranks it (the commission's override included) and what the preview groups it by.</param>
internal sealed record WaitingEntry(WaitingListRow Row, WaitingDossier Dossier)
{
    /// <summary>How long the dossier waited from its first request to being declared admissible.</summary>
    public TimeSpan WaitToAdmissible => Row.AdmissibleAt - Row.FirstRequestAt;
}
