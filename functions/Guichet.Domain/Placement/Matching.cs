using System.Collections.Concurrent;
using Guichet.Domain.Ranking;
using Guichet.Domain.Readings;
using Guichet.Domain.Structures;

namespace Guichet.Domain.Placement;

/// <summary>
/// Proposes candidates for a free place (seed 003: "trois candidatures par place libre"): reading the ranked waiting list
/// once, best first, it takes the first dossiers that are compatible — same device; the place meets their household and
/// care needs; the structure is in a wished département, or they wish none; no pending candidacy elsewhere (invariant 3);
/// not already proposed for this place — and stops at the third. Each dossier ranked above the last candidate and
/// passed over gets its reasons. Pure and deterministic: the list is ranked once by the caller, never here.
/// </summary>
public static class Matching
{
    /// <summary>How many candidates a free place gets at most (invariant 3).</summary>
    public const int CandidatesPerPlace = 3;

    // The reasons and their French text, once per combination: a list read far down past incompatible dossiers records
    // thousands of skips with a handful of distinct combinations.
    private static readonly ConcurrentDictionary<uint, (IReadOnlyList<SkipReason> Reasons, string Text)> Explained = new();

    /// <summary>
    /// Up to <paramref name="slots"/> compatible candidates for <paramref name="place"/>, in rank order, and why each
    /// dossier ranked above the last of them was passed over. Fewer when fewer are compatible (topped up later).
    /// </summary>
    /// <param name="place">The free place.</param>
    /// <param name="ranked">The device's waiting list, ranked.</param>
    /// <param name="waiting">The needs of the dossiers still waiting, by dossier id: a ranked dossier missing here left the list since the ranking.</param>
    /// <param name="pending">The dossiers with a pending candidacy anywhere.</param>
    /// <param name="proposedHere">The dossiers already proposed for this place, whatever became of it.</param>
    /// <param name="slots">How many candidates the place needs now, 0 to 3.</param>
    public static MatchResult Propose(
        FreePlace place,
        RankedList ranked,
        IReadOnlyDictionary<string, PlacementNeeds> waiting,
        IReadOnlySet<string> pending,
        IReadOnlySet<string>? proposedHere = null,
        int slots = CandidatesPerPlace)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slots, CandidatesPerPlace);
        var offered = Mask(place.Features);
        var candidates = new List<ProposedCandidate>(slots);
        var passed = new List<(RankedDossier Dossier, uint Reasons)>();
        for (var i = 0; i < ranked.Dossiers.Count && candidates.Count < slots; i++)
        {
            var dossier = ranked.Dossiers[i];
            var reasons = waiting.TryGetValue(dossier.DossierId, out var needs)
                ? ReasonsAgainst(place, offered, needs, pending, proposedHere)
                : Bit(SkipReason.NoLongerWaiting);
            if (reasons == 0)
            {
                candidates.Add(new(dossier.DossierId, dossier.Rank, dossier.Score));
            }
            else
            {
                passed.Add((dossier, reasons));
            }
        }

        // Only dossiers above the last candidate are owed a reason: with fewer candidates than slots, the list was read to its end.
        var last = candidates.Count > 0 ? candidates[^1].Rank : int.MinValue;
        var skipped = passed.Where(p => p.Dossier.Rank < last).Select(p => Skipped(p.Dossier, p.Reasons)).ToArray();
        return new(ranked.GridVersion, ranked.RankedAt, candidates, skipped)
        {
            PassedOver = SkippedSummary.Of(passed.Select(p => Explain(p.Reasons).Reasons), null),
        };
    }

    /// <summary>Every reason <paramref name="needs"/> cannot be proposed for <paramref name="place"/>; empty when compatible.</summary>
    public static IReadOnlyList<SkipReason> Reasons(FreePlace place, PlacementNeeds needs, IReadOnlySet<string> pending, IReadOnlySet<string>? proposedHere = null)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(pending);
        return Decode(ReasonsAgainst(place, Mask(place.Features), needs, pending, proposedHere));
    }

    private static uint ReasonsAgainst(FreePlace place, uint offered, PlacementNeeds needs, IReadOnlySet<string> pending, IReadOnlySet<string>? proposedHere)
    {
        var reasons = 0u;
        if (needs.Device != place.Device)
        {
            reasons |= Bit(SkipReason.OtherDevice);
        }

        if (pending.Contains(needs.DossierId))
        {
            reasons |= Bit(SkipReason.PendingCandidacy);
        }

        if (proposedHere?.Contains(needs.DossierId) == true)
        {
            reasons |= Bit(SkipReason.AlreadyProposedHere);
        }

        reasons |= Lacking(offered, PlaceFeature.Couples, needs.Partner, SkipReason.CoupleNotAccepted)
            | Lacking(offered, PlaceFeature.Children, needs.Children > 0, SkipReason.ChildrenNotAccepted)
            | Lacking(offered, PlaceFeature.Pets, needs.Pets, SkipReason.PetsNotAccepted);
        foreach (var need in needs.CareNeeds)
        {
            reasons |= need switch
            {
                CareNeed.SubstanceUseSupport => Lacking(offered, PlaceFeature.SubstanceUseAccepted, true, SkipReason.SubstanceUseNotAccepted),
                CareNeed.ReducedMobility => Lacking(offered, PlaceFeature.ReducedMobility, true, SkipReason.NotAccessible),
                CareNeed.PsychiatricSupport => Lacking(offered, PlaceFeature.PsychiatricSupport, true, SkipReason.NoPsychiatricSupport),
                CareNeed.NearDialysis => Lacking(offered, PlaceFeature.NearDialysis, true, SkipReason.NotNearDialysis),
                CareNeed.DailyNursingCare => Lacking(offered, PlaceFeature.DailyNursingCare, true, SkipReason.NoDailyNursingCare),
                _ => 0u,
            };
        }

        if ((offered & Bit(PlaceFeature.WomenOnly)) != 0 && needs.Sex != Sex.Female)
        {
            reasons |= Bit(SkipReason.WomenOnlyPlace);
        }

        if (!needs.WishesAnywhere && !needs.WishedDepartments.Contains(place.Department))
        {
            reasons |= Bit(SkipReason.OutsideWishedDepartments);
        }

        return reasons;
    }

    private static uint Lacking(uint offered, PlaceFeature feature, bool needed, SkipReason reason) =>
        needed && (offered & Bit(feature)) == 0 ? Bit(reason) : 0u;

    private static SkippedDossier Skipped(RankedDossier dossier, uint reasons)
    {
        var (decoded, text) = Explain(reasons);
        return new(dossier.DossierId, dossier.Rank, decoded, text);
    }

    private static (IReadOnlyList<SkipReason> Reasons, string Text) Explain(uint reasons) =>
        Explained.GetOrAdd(reasons, r => (Array.AsReadOnly(Decode(r)), SkipReasons.Explain(Decode(r))));

    private static SkipReason[] Decode(uint reasons) => [.. Enum.GetValues<SkipReason>().Where(r => (reasons & Bit(r)) != 0)];

    private static uint Mask(IReadOnlyList<PlaceFeature> features) => features.Aggregate(0u, (mask, f) => mask | Bit(f));

    private static uint Bit(PlaceFeature feature) => 1u << (int)feature;

    private static uint Bit(SkipReason reason) => 1u << (int)reason;
}
