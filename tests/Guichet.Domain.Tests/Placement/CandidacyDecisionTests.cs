using Guichet.Domain.Placement;
using Guichet.Domain.Readings;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Placement.PlacementExamples;

namespace Guichet.Domain.Tests.Placement;

/// <summary>
/// "Chaque refus devra être justifié" (seed 003; invariant 4): every refusal carries a code of the published
/// nomenclature and a non-blank justification; a malformed decision is refused and changes nothing.
/// </summary>
public sealed class CandidacyDecisionTests
{
    private static Vacancy Proposed(Scenario<DeclareVacancy, Vacancy, VacancyEvent> scenario) => scenario.Given(Declare(), PlacementExamples.Proposed(1, 2, 3));

    [Fact]
    public void ARefusalWithoutCode_IsRefused_AndChangesNothing()
    {
        var scenario = Scenario();

        var reason = scenario.When(Proposed(scenario), Refuse(1, code: null)).Refused();

        Assert.StartsWith("Un refus porte un code de la nomenclature publiée : non éligible pour cette place (needs-hospital-care, other-device-suited, outside-structure-project, care-needs-not-met) ou pratique (person-unreachable, person-declined,", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ARefusalWithABlankJustification_IsRefused_AndChangesNothing(string? justification)
    {
        var scenario = Scenario();

        Assert.Equal("Un refus doit être motivé : la justification est vide.", scenario.When(Proposed(scenario), Refuse(1, justification: justification)).Refused());
    }

    [Fact]
    public void ANotEligibleRefusal_NamesARecommendedOrientation()
    {
        var scenario = Scenario();
        var proposed = Proposed(scenario);

        Assert.StartsWith("Un refus pour non-éligibilité à cette place nomme l'orientation recommandée", scenario.When(proposed, Refuse(1, RefusalCode.NeedsHospitalCare, "Soins aigus.")).Refused(), StringComparison.Ordinal);
        var refused = scenario.When(proposed, Refuse(1, RefusalCode.NeedsHospitalCare, "  Soins aigus en cours.  ", Orientation.Hospital)).Accepted().CandidacyOf("D-001")!;
        Assert.Equal((CandidacyStatus.Refused, RefusalCode.NeedsHospitalCare, "Soins aigus en cours.", Orientation.Hospital, false),
            (refused.Status, refused.Outcome!.Code, refused.Outcome.Justification, refused.Outcome.RecommendedOrientation, refused.Outcome.Late));
    }

    [Fact]
    public void AnAdmission_HasAnEntryDate_NotBeforeThePlaceIsAvailable_AndNoRefusalCode()
    {
        var scenario = Scenario();
        var proposed = Proposed(scenario);

        Assert.Equal("Une admission porte la date d'entrée de la personne.", scenario.When(proposed, new CandidacyDecided("D-001", CandidacyDecision.Admit)).Refused());
        Assert.Equal("Une admission ne porte ni code de refus ni orientation recommandée.", scenario.When(proposed, Admit(1) with { Code = RefusalCode.Other }).Refused());
        Assert.Equal("entryDate : la date d'entrée (14/12/2026) précède la disponibilité de la place (15/12/2026).", scenario.When(proposed, Admit(1, AvailableFrom.AddDays(-1))).Refused());
        Assert.Equal("Un refus ne porte pas de date d'entrée.", scenario.When(proposed, Refuse(1) with { EntryDate = AvailableFrom }).Refused());
    }

    [Fact]
    public void AnEntryDate_IsNotBeforeTheProposal_NorMoreThanSixMonthsAhead_AndOneOutOfBounds_ChangesNothing()
    {
        // A place available since November, proposed on 1 December.
        var scenario = Scenario();
        var proposed = scenario.Given(Declare(TraitDUnionPlace with { AvailableFrom = new DateOnly(2026, 11, 1) }), PlacementExamples.Proposed(1, 2));

        var beforeProposal = scenario.When(proposed, Admit(1, new DateOnly(2026, 11, 30)));
        var tooFar = scenario.When(proposed, Admit(1, new DateOnly(2027, 6, 2)));

        Assert.Equal("entryDate : la date d'entrée (30/11/2026) précède la proposition de la candidature (01/12/2026).", beforeProposal.Refused());
        Assert.Equal("entryDate : la date d'entrée (02/06/2027) est à plus de 6 mois (au plus tard le 01/06/2027) : une place n'est pas tenue vide si longtemps.", tooFar.Refused());
        Assert.Empty(tooFar.Effects);
        Assert.Equal(VacancyStatus.Filled, scenario.When(proposed, Admit(1, new DateOnly(2027, 6, 1))).Accepted().Status);
        Assert.Equal(VacancyStatus.Filled, scenario.When(proposed, Admit(1, new DateOnly(2026, 12, 1))).Accepted().Status);
        // A place available later counts its six months from then.
        var later = scenario.Given(Declare(TraitDUnionPlace with { AvailableFrom = new DateOnly(2027, 3, 1) }), PlacementExamples.Proposed(1));
        Assert.Equal(VacancyStatus.Filled, scenario.When(later, Admit(1, new DateOnly(2027, 9, 1))).Accepted().Status);
        Assert.Contains("plus de 6 mois", scenario.When(later, Admit(1, new DateOnly(2027, 9, 2))).Refused(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRefusalTwice_ChangesNothing_AndAnotherAnswerAfterIt_IsRefused()
    {
        var scenario = Scenario();
        var refused = scenario.Given(Proposed(scenario), Refuse(1));

        var again = scenario.When(refused, Refuse(1));

        Assert.Same(refused, again.Accepted());
        Assert.Empty(again.Effects);
        Assert.Equal($"La candidature {VacancyId}~D-001 a déjà pris fin (refus) : sa réponse ne change plus.", scenario.When(refused, Admit(1)).Refused());
        Assert.Equal($"La candidature {VacancyId}~D-001 a déjà pris fin (refus) : sa réponse ne change plus.", scenario.When(refused, Refuse(1, RefusalCode.Other, "Autre motif.")).Refused());
    }

    [Fact]
    public void ADecisionOnADossierNotProposedHere_IsRefused()
    {
        var scenario = Scenario();

        Assert.Equal("Aucune candidature du dossier D-009 pour cette place.", scenario.When(Proposed(scenario), Refuse(9)).Refused());
    }

    [Fact]
    public void TheRefusal_IsToldToTheDossier_AndItsRowKeepsTheFamilyApart()
    {
        var scenario = Scenario();

        var refused = scenario.When(Proposed(scenario), Refuse(2, RefusalCode.OutsideStructureProject, "Projet centré sur les usagers de drogues.", Orientation.Act), actor: "direction@trait-d-union");

        var told = Assert.Single(refused.Sent());
        Assert.Equal(("D-002", VacancyEventNames.CandidacyEnded), (told.InstanceId, told.EventName));
        Assert.Equal(new CandidacyEnded($"{VacancyId}~D-002", VacancyId, CandidacyStatus.Refused, null, RefusalCode.OutsideStructureProject, "Projet centré sur les usagers de drogues.", false, Orientation.Act), told.Payload);
        var row = refused.Row<CandidacyRow, Vacancy>(PlacementReadModels.Candidacies, "act-92-trait-d-union", $"{VacancyId}~D-002");
        Assert.Equal(("refused", "outside-structure-project", "not-eligible", "ACT"), (row.Status, row.Code, row.Family, row.RecommendedOrientation));
    }

    [Fact]
    public void PersonDeclined_IsAPracticalRefusal_WithNoLossOfRank()
    {
        Assert.Equal(RefusalFamily.Practical, RefusalCodes.FamilyOf(RefusalCode.PersonDeclined));
        var scenario = Scenario();
        var declined = scenario.When(Proposed(scenario), Refuse(1, RefusalCode.PersonDeclined, "Souhaite rester à Paris.")).Accepted().CandidacyOf("D-001")!;

        Assert.Equal((1, RefusalCode.PersonDeclined), (declined.Rank, declined.Outcome!.Code));
        Assert.Equal(RefusalFamily.NotEligible, RefusalCodes.FamilyOf(RefusalCode.CareNeedsNotMet));
    }
}
