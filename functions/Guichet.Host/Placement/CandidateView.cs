using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Host.Dossiers;

namespace Guichet.Host.Placement;

/// <summary>
/// Who a candidacy proposes, as its structure sees the person: identity, household and social situation, wishes, the
/// social reading and whether the medical one is recorded. The requests' <c>medical</c> section and the medical
/// reading are present only when the token also carries <c>reader.medical</c> (DESIGN §7); absent otherwise.
/// </summary>
/// <param name="CandidacyId">The candidacy.</param>
/// <param name="CandidacyStatus">Where the candidacy stands ("pending", "overdue", "refused"…).</param>
/// <param name="DossierId">The person's dossier.</param>
/// <param name="Device">The device asked for.</param>
/// <param name="Requests">The dossier's requests: who the person is, the household, the social situation, the wishes.</param>
/// <param name="Readings">The double reading, the medical one for medical readers only.</param>
/// <param name="MedicalShown">Whether the medical part is shown to this reader.</param>
public sealed record CandidateView(
    string CandidacyId,
    string CandidacyStatus,
    string DossierId,
    Device Device,
    IReadOnlyList<RequestView> Requests,
    ReadingsView Readings,
    bool MedicalShown)
{
    internal static CandidateView Of(string candidacyId, string candidacyStatus, Dossier dossier, bool medical) =>
        new(candidacyId, candidacyStatus, dossier.Id, dossier.Device, [.. dossier.Requests.Select(r => RequestView.Of(r, medical))], ReadingsView.Of(dossier, medical), medical);
}
