using System.Security.Claims;
using Guichet.Domain.Dossiers;
using Guichet.Host.Security;

namespace Guichet.Host.Dossiers;

/// <summary>
/// What a caller may see of dossiers, from its roles. Readers, commission members and ARS administrators see every
/// dossier; a prescriber only those holding one of its organisation's requests, and of them only its own requests.
/// The medical part (the requests' <c>medical</c> section, the medical reading, a medical reader's question) is
/// for medical readers only (DESIGN §7): an ARS administrator, a social reader, the commission or a prescriber
/// does not get it unless the same token also carries <c>reader.medical</c>.
/// </summary>
/// <param name="Org">The caller's organisation, which scopes a prescriber.</param>
/// <param name="SeesAll">Whether the caller sees every dossier (not only its organisation's).</param>
/// <param name="SeesMedical">Whether the caller sees the medical part.</param>
/// <param name="IsPrescriber">Whether the caller is a prescriber.</param>
internal sealed record DossierReader(string? Org, bool SeesAll, bool SeesMedical, bool IsPrescriber)
{
    public static DossierReader Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(
            Caller.Org(user),
            user.IsInRole(Roles.MedicalReader) || user.IsInRole(Roles.SocialReader) || user.IsInRole(Roles.Commission) || user.IsInRole(Roles.ArsAdmin),
            user.IsInRole(Roles.MedicalReader),
            user.IsInRole(Roles.Prescriber));
    }

    /// <summary>Whether one of the dossier's requests is the caller's organisation's, as a prescriber.</summary>
    public bool Prescribed(Dossier dossier) =>
        IsPrescriber && !string.IsNullOrWhiteSpace(Org) && dossier.Requests.Any(r => string.Equals(r.Prescriber.Id, Org, StringComparison.Ordinal));

    /// <summary>Whether the caller may see the dossier at all.</summary>
    public bool MayRead(Dossier dossier) => SeesAll || Prescribed(dossier);
}
