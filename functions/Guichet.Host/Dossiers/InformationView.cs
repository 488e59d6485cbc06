using System.Text.Json.Serialization;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;

namespace Guichet.Host.Dossiers;

/// <summary>
/// A question put to the prescriber. The text of a question the medical reader asked may be medical: it is shown to
/// medical readers and to the prescribers who must answer, not to other readers. The answers are for the readers:
/// they do not say which prescriber wrote them, and a merged dossier holds several prescribers' requests, so no
/// prescriber is shown any (it would read another organisation's); a medical question's answers are for medical
/// readers only.
/// </summary>
/// <param name="AskedBy">Who asks: "medical", "social" (a reading) or the commission.</param>
/// <param name="AskedAt">When.</param>
/// <param name="DueAt">The deadline to answer, after which the dossier closes as incomplete.</param>
/// <param name="Question">What is asked; absent for a medical question shown to a reader who is not medical.</param>
/// <param name="Answers">The answers given so far; absent with the question, and for prescribers.</param>
public sealed record InformationView(
    string AskedBy,
    DateTimeOffset AskedAt,
    DateTimeOffset DueAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Question,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Answers)
{
    /// <summary>The medical reader's questions are spelled as the reading kind.</summary>
    private static readonly string MedicalAsker = WireName.Of(ReadingKind.Medical);

    /// <summary>The question as <paramref name="reader"/> may see it.</summary>
    internal static InformationView Of(InformationRequest question, DossierReader reader, Dossier dossier)
    {
        var medical = question.AskedBy == MedicalAsker;
        var questionShown = !medical || reader.SeesMedical || reader.Prescribed(dossier);
        var answersShown = reader.SeesAll && (!medical || reader.SeesMedical);
        return new(question.AskedBy, question.AskedAt, question.DueAt, questionShown ? question.Question : null, answersShown ? question.Answers : null);
    }
}
