using Guichet.Domain.Placement;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// What the prescribers hear on <c>dossier-events</c> of a refusal: a not-eligible one's justification speaks of the
/// person's health, so the reason carries its code only; a practical one keeps its justification.
/// </summary>
public sealed class RefusalReasonTests
{
    private const string Health = "Dialyse trois fois par semaine.";

    [Theory]
    [InlineData(RefusalCode.CareNeedsNotMet, false)]
    [InlineData(RefusalCode.NeedsHospitalCare, false)]
    [InlineData(RefusalCode.HouseholdNotCompatible, true)]
    public void GivenAPendingCandidacy_WhenRefused_ThenTheReasonToldCarriesTheJustificationOnlyIfNotAboutEligibility(RefusalCode code, bool justified)
    {
        var scenario = Scenario();
        var proposed = scenario.Given(Open(), [.. ToTheWaitingList(), new CandidacyProposed($"v~{DossierId}", "v", "act-75-chemin-vert", "Maison Chemin Vert", Now.AddDays(15))]);

        var ended = scenario.When(proposed, new CandidacyEnded($"v~{DossierId}", "v", CandidacyStatus.Refused, null, code, Health, false));

        var told = Assert.Single(ended.Messages());
        Assert.Contains(WireName.Of(code), told.Reason, StringComparison.Ordinal);
        Assert.Equal(justified, told.Reason!.Contains(Health, StringComparison.Ordinal));
    }
}
