using System.Text.Json.Serialization;
using Guichet.Domain;
using Guichet.Domain.Dossiers;

namespace Guichet.Host.Dossiers;

/// <summary>
/// A dossier as its reader may see it (<c>GET /api/dossiers/{id}</c>). The medical part — each request's
/// <c>medical</c> section, the medical reading, the text of a medical reader's question — is present for medical
/// readers only; for anyone else the properties are absent, not null. A prescriber sees its own requests only,
/// and not the possible duplicates (other dossiers, under review by the readers and the ARS). A prescriber sees the
/// questions put to it, the medical reader's included (it must answer them), but no answer: answers carry no author,
/// and in a merged dossier some are another organisation's; they are for the readers (<see cref="InformationView"/>).
/// </summary>
/// <param name="Id">The dossier's id.</param>
/// <param name="Status">Its lifecycle status, as on the wire ("under-review").</param>
/// <param name="Device">The device asked for.</param>
/// <param name="FirstRequestAt">The earliest request date of its requests: seniority counts from it.</param>
/// <param name="Requests">Its requests the reader may see, the one it was opened from first.</param>
/// <param name="Readings">The double reading.</param>
/// <param name="Information">The open question to the prescriber, while one runs.</param>
/// <param name="Answered">The questions the prescriber answered, oldest first, with their answers for readers.</param>
/// <param name="Commission">Where it is with the commission.</param>
/// <param name="End">How it ended, once it has.</param>
/// <param name="PossibleDuplicates">Possible matches not yet reviewed; absent for prescribers.</param>
/// <param name="MedicalShown">Whether the medical part is shown to this reader.</param>
/// <param name="Withdrawals">The requests withdrawn while the dossier went on for others'; absent for prescribers.</param>
/// <param name="MergingInto">The dossier this one is merging into, while the merge is under way; absent otherwise.</param>
/// <param name="Confirmation">On the waiting list: when the next confirmation is due, and where it stands; absent otherwise.</param>
/// <param name="Refusals">The structures' refusals it received, with their contests and reviews (what a prescriber contests; only its own organisation's contests; a not-eligible justification for medical readers only); absent when none.</param>
public sealed record DossierView(
    string Id,
    string Status,
    Device Device,
    DateTimeOffset FirstRequestAt,
    IReadOnlyList<RequestView> Requests,
    ReadingsView Readings,
    InformationView? Information,
    IReadOnlyList<InformationView> Answered,
    CommissionOutcome? Commission,
    DossierEnd? End,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PossibleDuplicate>? PossibleDuplicates,
    bool MedicalShown,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WithdrawnRequestView>? Withdrawals = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MergingInto = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConfirmationView? Confirmation = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DossierRefusal>? Refusals = null)
{
    internal static DossierView Of(Dossier dossier, DossierReader reader)
    {
        var requests = reader.SeesAll ? dossier.Requests : dossier.Requests.Where(r => r.Prescriber.Id == reader.Org);
        return new(
            dossier.Id,
            WireName.Of(dossier.Status),
            dossier.Device,
            dossier.FirstRequestAt,
            [.. requests.Select(r => RequestView.Of(r, reader.SeesMedical))],
            ReadingsView.Of(dossier, reader.SeesMedical),
            dossier.Information is { } question ? InformationView.Of(question, reader, dossier) : null,
            [.. dossier.Answered.Select(q => InformationView.Of(q, reader, dossier))],
            dossier.Commission,
            dossier.End,
            reader.SeesAll ? dossier.PossibleDuplicates : null,
            reader.SeesMedical,
            reader.SeesAll ? [.. dossier.Withdrawals.Select(WithdrawnRequestView.Of)] : null,
            dossier.MergingInto?.DossierId,
            ConfirmationView.Of(dossier, reader),
            RefusalsView.Of(dossier, reader));
    }
}
