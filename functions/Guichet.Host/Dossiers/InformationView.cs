using System.Text.Json.Serialization;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;

namespace Guichet.Host.Dossiers;

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
