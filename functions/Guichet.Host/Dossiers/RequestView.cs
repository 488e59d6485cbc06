using System.Text.Json.Serialization;
using Guichet.Domain.Intake;

namespace Guichet.Host.Dossiers;

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
