using System.Text.Json;
using Guichet.Domain.Tests.Deciding;
using Guichet.Domain.Placement;
using static Guichet.Domain.Tests.Placement.PlacementExamples;

namespace Guichet.Domain.Tests.Placement;

/// <summary>
/// The record of the dossiers passed over stays bounded: a list read past thousands of incompatible dossiers, or a place
/// topped up for months, keeps the vacancy small; a search that finds nobody is recorded, with why.
/// </summary>
public sealed class SkipRecordTests
{
    private const int Skips = 5_000;

    [Fact]
    public void FiveThousandSkips_AreCountedByReason_AndTheVacancyKeepsOnlyTheCounts()
    {
        var match = FarDownMatch();
        Assert.Equal(Skips, match.Skipped.Count);
        var scenario = Scenario();

        var vacancy = scenario.When(scenario.Given(Declare()), new CandidatesProposed(match)).Accepted();

        var kept = Assert.Single(vacancy.Proposals).Match;
        Assert.Empty(kept.Skipped);
        Assert.Equal(new SkipCount(SkipReason.ChildrenNotAccepted, Skips), Assert.Single(kept.Summary!.ByReason));
        Assert.Equal(Skips, kept.Summary.Dossiers);
        Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(vacancy).Length, 0, 8_192);
    }

    [Fact]
    public void AProposalSentInShort_KeepsItsRecordKey()
    {
        var match = FarDownMatch();
        var sent = match with { Skipped = [], Summary = SkippedSummary.Of(match.Skipped.Select(s => s.Reasons), "20261201090000000-ABCDEF") };
        var scenario = Scenario();

        var vacancy = scenario.When(scenario.Given(Declare()), new CandidatesProposed(sent)).Accepted();

        Assert.Equal("20261201090000000-ABCDEF", vacancy.Proposals[0].Match.Summary!.RecordKey);
        Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(new CandidatesProposed(sent)).Length, 0, 2_048);
    }

    [Fact]
    public void APlaceToppedUpOverAndOver_KeepsItsLatestProposalsOnly()
    {
        var scenario = Scenario();
        var vacancy = scenario.Given(Declare());
        for (var rank = 1; rank <= 3 * Vacancy.ProposalsKept; rank++)
        {
            vacancy = scenario.When(vacancy, Proposed(rank)).Accepted();
            vacancy = scenario.When(vacancy, Refuse(rank)).Accepted();
        }

        Assert.Equal(Vacancy.ProposalsKept, vacancy.Proposals.Count);
        Assert.Equal(Dossier(3 * Vacancy.ProposalsKept), vacancy.Proposals[^1].Match.Candidates[0].DossierId);
    }

    [Fact]
    public void AVacancyWithNoCompatibleCandidate_RecordsWhen_WithWhichGrid_AndWhyNoneFit()
    {
        var ranked = Ranked([.. Enumerable.Range(1, 40).Select(Dossier)]);
        var waiting = Waiting([.. Enumerable.Range(1, 40).Select(r => Needs(Dossier(r), children: 1))]);
        var match = Matching.Propose(TraitDUnionPlace, ranked, waiting, NonePending);
        Assert.Empty(match.Candidates);
        var scenario = Scenario();
        var declared = scenario.Given(Declare());

        var none = new NoCandidateFound(match.GridVersion, match.RankedAt, waiting.Count, match.PassedOver!);
        var recorded = scenario.When(declared, none).Accepted();

        var unmatched = recorded.Unmatched!;
        Assert.Equal((Now, 1, 40), (unmatched.At, unmatched.GridVersion, unmatched.Waiting));
        Assert.Equal([new SkipCount(SkipReason.ChildrenNotAccepted, 40)], unmatched.PassedOver.ByReason);
        Assert.Same(unmatched, scenario.When(recorded, none).Accepted().Unmatched);
        Assert.Null(scenario.When(recorded, Proposed(41)).Accepted().Unmatched);
    }

    // A place that takes no children, read past 5,000 dossiers with a child before three who come alone.
    private static MatchResult FarDownMatch()
    {
        var ids = Enumerable.Range(1, Skips + 3).Select(r => $"D-{r:D5}").ToArray();
        var waiting = Waiting([.. ids.Select((id, i) => Needs(id, children: i < Skips ? 1 : 0))]);
        return Matching.Propose(TraitDUnionPlace, Ranked(ids), waiting, NonePending);
    }
}
