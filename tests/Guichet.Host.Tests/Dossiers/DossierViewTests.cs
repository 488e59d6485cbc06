using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Host.Dossiers;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// The questions to the prescribers of a merged dossier, as each reader sees them: a prescriber reads the questions
/// it must answer but no answer (answers carry no author, and one may be another organisation's), the medical reader
/// reads every answer.
/// </summary>
public sealed class DossierViewTests
{
    private const string TheirAnswer = "Trithérapie depuis 2019, suivi à Bichat.";
    private const string OpenQuestion = "Un compte rendu d'hospitalisation récent est-il disponible ?";

    private static readonly DateTimeOffset Asked = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APrescriberOfAMergedDossier_SeesTheMedicalQuestions_ButNoAnswer()
    {
        var (dossier, mine) = Merged();

        var view = DossierView.Of(dossier, new DossierReader(mine.Prescriber.Id, SeesAll: false, SeesMedical: false, IsPrescriber: true));

        Assert.Equal(OpenQuestion, view.Information!.Question);
        Assert.Null(view.Information.Answers);
        var answered = Assert.Single(view.Answered);
        Assert.Equal("Quel traitement ?", answered.Question);
        Assert.Null(answered.Answers);
    }

    [Fact]
    public void TheMedicalReader_SeesEveryAnswer()
    {
        var (dossier, _) = Merged();

        var view = DossierView.Of(dossier, new DossierReader("consortium-idf", SeesAll: true, SeesMedical: true, IsPrescriber: false));

        Assert.Equal([TheirAnswer], Assert.Single(view.Answered).Answers);
        Assert.Equal(["Demandé au service."], view.Information!.Answers);
    }

    [Fact]
    public void TheSocialReader_SeesNeitherTheMedicalQuestionNorItsAnswers()
    {
        var (dossier, _) = Merged();

        var view = DossierView.Of(dossier, new DossierReader("consortium-idf", SeesAll: true, SeesMedical: false, IsPrescriber: false));

        Assert.Equal((null, null), (view.Information!.Question, view.Information.Answers));
        Assert.Equal((null, null), (view.Answered[0].Question, view.Answered[0].Answers));
    }

    /// <summary>A dossier holding two organisations' requests, the other's answer to a medical question among its answered ones.</summary>
    private static (Dossier Dossier, DossierRequest Mine) Merged()
    {
        var (theirs, mine) = (Request(), Request());
        var dossier = new Dossier("D-ACT-MERGED", mine.Device, [theirs, mine], theirs.SubmittedAt, [], null, null, null,
            new InformationRequest("medical", OpenQuestion, Asked.AddDays(5), Asked.AddDays(35), ["Demandé au service."]), null, null)
        {
            Answered = [new InformationRequest("medical", "Quel traitement ?", Asked, Asked.AddDays(30), [TheirAnswer])],
        };
        return (dossier, mine);
    }
}
