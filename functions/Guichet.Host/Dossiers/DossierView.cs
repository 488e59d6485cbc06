using System.Text.Json.Serialization;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;

namespace Guichet.Host.Dossiers;

/// <summary>
/// A dossier as its reader may see it (<c>GET /api/dossiers/{id}</c>). The medical part — each request's
/// <c>medical</c> section, the medical reading, the text of a medical reader's question — is present for medical
/// readers only; for anyone else the properties are absent, not null. A prescriber sees its own requests only,
/// and not the possible duplicates (other dossiers, under review by the readers and the ARS).
/// </summary>
/// <param name="Id">The dossier's id.</param>
/// <param name="Status">Its lifecycle status, as on the wire ("under-review").</param>
/// <param name="Device">The device asked for.</param>
/// <param name="FirstRequestAt">The earliest request date of its requests: seniority counts from it.</param>
/// <param name="Requests">Its requests the reader may see, the one it was opened from first.</param>
/// <param name="Readings">The double reading.</param>
/// <param name="Information">The open question to the prescriber, while one runs.</param>
/// <param name="Commission">Where it is with the commission.</param>
/// <param name="End">How it ended, once it has.</param>
/// <param name="PossibleDuplicates">Possible matches not yet reviewed; absent for prescribers.</param>
/// <param name="MedicalShown">Whether the medical part is shown to this reader.</param>
public sealed record DossierView(
    string Id,
    string Status,
    Device Device,
    DateTimeOffset FirstRequestAt,
    IReadOnlyList<RequestView> Requests,
    ReadingsView Readings,
    InformationView? Information,
    CommissionOutcome? Commission,
    DossierEnd? End,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PossibleDuplicate>? PossibleDuplicates,
    bool MedicalShown)
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
            dossier.Information is { } question ? InformationView.Of(question, reader.SeesMedical || reader.Prescribed(dossier)) : null,
            dossier.Commission,
            dossier.End,
            reader.SeesAll ? dossier.PossibleDuplicates : null,
            reader.SeesMedical);
    }
}

/// <summary>One request of a dossier; its <c>medical</c> section for medical readers only.</summary>
/// <param name="ExternalRef">The prescriber's reference.</param>
/// <param name="Prescriber">Who sent it.</param>
/// <param name="Person">Who it is for.</param>
/// <param name="Social">The social situation.</param>
/// <param name="Wishes">Where the person wishes to live.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="Medical">The medical situation; absent unless the reader is a medical reader.</param>
public sealed record RequestView(
    string ExternalRef,
    Prescriber Prescriber,
    Person Person,
    SocialSituation Social,
    Wishes Wishes,
    DateTimeOffset SubmittedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MedicalSituation? Medical)
{
    internal static RequestView Of(DossierRequest request, bool medical) =>
        new(request.ExternalRef, request.Prescriber, request.Person, request.Social, request.Wishes, request.SubmittedAt, medical ? request.Medical : null);
}

/// <summary>The double reading: whether each is recorded, the social reading, and the medical one for medical readers only.</summary>
/// <param name="MedicalRecorded">Whether the medical reading is recorded (its content is for medical readers only).</param>
/// <param name="Medical">The medical reading; absent unless recorded and the reader is a medical reader.</param>
/// <param name="Social">The social reading, once recorded.</param>
/// <param name="CompletedAt">When the second eligible reading was recorded.</param>
public sealed record ReadingsView(
    bool MedicalRecorded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MedicalReading? Medical,
    SocialReading? Social,
    DateTimeOffset? CompletedAt)
{
    internal static ReadingsView Of(Dossier dossier, bool medical) =>
        new(dossier.Medical is not null, medical ? dossier.Medical : null, dossier.Social, dossier.ReadingsCompletedAt);
}

/// <summary>
/// A question put to the prescriber. The text of a question the medical reader asked, and its answers, may be
/// medical: they are shown to medical readers and to the prescriber who must answer, not to other readers.
/// </summary>
/// <param name="AskedBy">Who asks: "medical", "social" (a reading) or the commission.</param>
/// <param name="AskedAt">When.</param>
/// <param name="DueAt">The deadline to answer, after which the dossier closes as incomplete.</param>
/// <param name="Question">What is asked; absent for a medical question shown to a reader who is not medical.</param>
/// <param name="Answers">The answers given so far; absent with the question.</param>
public sealed record InformationView(
    string AskedBy,
    DateTimeOffset AskedAt,
    DateTimeOffset DueAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Question,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Answers)
{
    /// <summary>The medical reader's questions are spelled as the reading kind.</summary>
    private static readonly string MedicalAsker = WireName.Of(ReadingKind.Medical);

    internal static InformationView Of(InformationRequest question, bool mayReadMedicalQuestion)
    {
        var shown = mayReadMedicalQuestion || question.AskedBy != MedicalAsker;
        return new(question.AskedBy, question.AskedAt, question.DueAt, shown ? question.Question : null, shown ? question.Answers : null);
    }
}
