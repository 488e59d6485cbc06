using System.Text.Json.Serialization;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;

namespace Guichet.Host.Dossiers;

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
