using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Guichet.Domain.Placement;
using Guichet.Domain.Readings;
using Guichet.Domain.Structures;
using static Guichet.Domain.Tests.Placement.PlacementExamples;

namespace Guichet.Domain.Tests.Placement;

/// <summary>
/// The matching on generated waiting lists and places: never an incompatible or already-pending dossier, never more
/// than three, in rank order, and a reason for every dossier ranked above a candidate and passed over.
/// </summary>
public sealed class MatchingProperties
{
    /// <summary>One generated case: a place, a ranked list, who still waits, who is pending, who was proposed here, how many slots.</summary>
    public sealed record MatchCase(FreePlace Place, string[] Ranked, Dictionary<string, PlacementNeeds> Waiting, HashSet<string> Pending, HashSet<string> ProposedHere, int Slots);

    private static Gen<PlacementNeeds> AnyNeeds() =>
        from device in Gen.Frequency((6, Gen.Constant(Device.Act)), (1, Gen.Constant(Device.Lhss)), (1, Gen.Constant(Device.Lam)))
        from sex in Gen.Elements(Enum.GetValues<Sex>())
        from care in Gen.Elements(Enum.GetValues<CareNeed>()).ArrayOf().Select(c => c.Distinct().Take(2).ToArray())
        from partner in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from children in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from pets in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from wishes in Gen.Elements(Enum.GetValues<Department>()).ArrayOf().Select(d => d.Distinct().Take(3).ToArray())
        select Needs("", device, sex, care, partner, children, pets, wishes);

    private static Arbitrary<MatchCase> Cases()
    {
        var place =
            from structure in Gen.Elements(StructureCatalog.All.Where(s => s.Device == Device.Act).ToArray())
            from keep in Gen.Elements(true, true, false).ArrayOf(structure.Features.Count)
            select FreePlace.Of(structure, AvailableFrom, [.. structure.Features.Where((_, i) => keep[i])]);
        var list =
            from size in Gen.Choose(0, 40)
            from generated in AnyNeeds().ArrayOf(size)
            let needs = generated.Select((n, i) => n with { DossierId = $"D-{i:D3}" }).ToArray()
            from gone in Gen.Elements(false, false, false, false, false, false, true).ArrayOf(size)
            from pending in Gen.Elements(false, false, false, false, true).ArrayOf(size)
            from here in Gen.Elements(false, false, false, false, false, true).ArrayOf(size)
            select (Needs: needs, gone, pending, here);
        return (from p in place
                from l in list
                from slots in Gen.Choose(0, 3)
                select new MatchCase(
                    p,
                    [.. l.Needs.Select(n => n.DossierId)],
                    l.Needs.Where((_, i) => !l.gone[i]).ToDictionary(n => n.DossierId, StringComparer.Ordinal),
                    [.. l.Needs.Where((_, i) => l.pending[i]).Select(n => n.DossierId)],
                    [.. l.Needs.Where((_, i) => l.here[i]).Select(n => n.DossierId)],
                    slots)).ToArbitrary();
    }

    private static MatchResult Run(MatchCase c) => Matching.Propose(c.Place, Ranked(c.Ranked), c.Waiting, c.Pending, c.ProposedHere, c.Slots);

    [Property(MaxTest = 400)]
    public Property Matching_NeverProposesAnIncompatibleOrPendingDossier() =>
        Prop.ForAll(Cases(), c =>
        {
            foreach (var candidate in Run(c).Candidates)
            {
                Assert.True(c.Waiting.TryGetValue(candidate.DossierId, out var needs), $"{candidate.DossierId} left the list");
                Assert.DoesNotContain(candidate.DossierId, c.Pending);
                Assert.Empty(Matching.Reasons(c.Place, needs, c.Pending, c.ProposedHere));
            }
        });

    [Property(MaxTest = 400)]
    public Property Matching_ProposesAtMostThree_InRankOrder() =>
        Prop.ForAll(Cases(), c =>
        {
            var candidates = Run(c).Candidates;
            Assert.InRange(candidates.Count, 0, Math.Min(c.Slots, Matching.CandidatesPerPlace));
            Assert.All(candidates.Zip(candidates.Skip(1)), p => Assert.True(p.First.Rank < p.Second.Rank));
        });

    [Property(MaxTest = 400)]
    public Property EveryDossierAboveTheLastCandidate_NotProposed_HasItsSkipReasons() =>
        Prop.ForAll(Cases(), c =>
        {
            var match = Run(c);
            var last = match.Candidates.Count > 0 ? match.Candidates[^1].Rank : 0;
            var proposed = match.Candidates.Select(p => p.DossierId).ToHashSet();
            var above = c.Ranked.Take(Math.Max(0, last - 1)).Where(id => !proposed.Contains(id)).ToArray();

            Assert.Equal(above, match.Skipped.Select(s => s.DossierId));
            foreach (var skipped in match.Skipped)
            {
                var expected = c.Waiting.TryGetValue(skipped.DossierId, out var needs) ? Matching.Reasons(c.Place, needs, c.Pending, c.ProposedHere) : [SkipReason.NoLongerWaiting];
                Assert.NotEmpty(skipped.Reasons);
                Assert.Equal(expected, skipped.Reasons);
                Assert.Equal(SkipReasons.Explain(skipped.Reasons), skipped.Explanation);
            }
        });

    [Property(MaxTest = 400)]
    public Property FewerCandidatesThanSlots_MeansNoCompatibleDossierWasLeft() =>
        Prop.ForAll(Cases(), c =>
        {
            var match = Run(c);
            if (match.Candidates.Count < c.Slots)
            {
                var proposed = match.Candidates.Select(p => p.DossierId).ToHashSet();
                Assert.All(
                    c.Ranked.Where(id => !proposed.Contains(id) && c.Waiting.ContainsKey(id)),
                    id => Assert.NotEmpty(Matching.Reasons(c.Place, c.Waiting[id], c.Pending, c.ProposedHere)));
            }
        });
}
