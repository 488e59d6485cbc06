using Guichet.Domain.Dossiers;
using Guichet.Domain.Identity;

namespace Guichet.Host.Intake;

/// <summary>An active dossier of the same device that shares a blocking key with a request, and how well it matches.</summary>
/// <param name="Dossier">Its state.</param>
/// <param name="Match">The best match of the request's person with the persons of its requests.</param>
internal sealed record DossierCandidate(Dossier Dossier, IdentityMatchResult Match)
{
    /// <summary>
    /// The order in which same-person dossiers survive a merge, the same on every host: the earliest first request,
    /// then the dossier id (ordinal).
    /// </summary>
    public static int Compare(Dossier a, Dossier b)
    {
        var byDate = a.FirstRequestAt.CompareTo(b.FirstRequestAt);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
    }
}
