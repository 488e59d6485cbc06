using System.Diagnostics;
using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain;
using Guichet.Domain.Placement;
using Guichet.Domain.Ranking;
using Guichet.Domain.Readings;
using Guichet.Domain.Structures;

namespace Guichet.Bench;

/// <summary>
/// Placement at the region's scale in the pure domain (DESIGN §8: 50,000 waiting dossiers ranked and 1,000 vacancies
/// filled, ranking and matching together under 2 s). The list is ranked once; each vacancy of an ACT structure of the
/// catalog is declared, matched against the list with the pending set of the moment, given its candidates, and filled
/// by its first candidate once 50 later vacancies are open (so that up to 150 dossiers are pending at a time), which
/// sends the others back to the list. Everything goes through <see cref="VacancyDecider"/>. A fixed seed, no storage.
/// </summary>
internal static class MatchingBench
{
    private const int Seed = 20261201;
    private const int OpenAtOnce = 50;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static string Run(int dossiers = 50_000, int vacancies = 1_000, int rounds = 5)
    {
        var random = new Random(Seed);
        var inputs = Enumerable.Range(0, dossiers).Select(i => RankingBench.Dossier(random, i, Now, withWishes: false)).ToArray();
        var needs = inputs.Select(i => Needs(random, i.DossierId)).ToArray();
        var act = StructureCatalog.All.Where(s => s.Device == Device.Act).ToArray();
        var places = Enumerable.Range(0, vacancies).Select(_ => FreePlace.Of(act[random.Next(act.Length)], DateOnly.FromDateTime(Now.DateTime).AddDays(14))).ToArray();

        Fill(PriorityRanking.Rank(inputs.Take(1000), PriorityGrid.Default, Now), needs, places.Take(20).ToArray());
        var results = Enumerable.Range(0, rounds).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            var ranked = PriorityRanking.Rank(inputs, PriorityGrid.Default, Now);
            var rank = watch.Elapsed.TotalMilliseconds;
            var tally = Fill(ranked, needs, places);
            return (Rank: rank, Match: watch.Elapsed.TotalMilliseconds - rank, Tally: tally);
        }).ToArray();
        var (rankMs, matchMs) = (Measure.Median(results.Select(r => r.Rank)), Measure.Median(results.Select(r => r.Match)));
        var t = results[0].Tally;

        return string.Create(CultureInfo.InvariantCulture, $"""
            Placement in the pure domain (seed {Seed}, median of {rounds} rounds; up to {OpenAtOnce} vacancies open at a time)
              rank {dossiers:N0} waiting dossiers (once)          : {rankMs,8:F0} ms
              match and fill {vacancies:N0} vacancies                : {matchMs,8:F0} ms   ({t.Filled:N0} filled, {t.Proposed:N0} candidacies, {t.Skipped:N0} skip reasons recorded, {t.Unmatched:N0} with no compatible dossier)
              ranking and matching together                : {rankMs + matchMs,8:F0} ms   (target < 2000 ms: {(rankMs + matchMs) / 2000:P0} of it)

            """);
    }

    private sealed record Tally(int Filled, int Proposed, int Skipped, int Unmatched);

    /// <summary>Declares, matches and fills every place in turn; the pending set and the waiting list follow each step.</summary>
    private static Tally Fill(RankedList ranked, PlacementNeeds[] allNeeds, FreePlace[] places)
    {
        var decider = new VacancyDecider();
        var waiting = allNeeds.ToDictionary(n => n.DossierId, StringComparer.Ordinal);
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var open = new Queue<Vacancy>();
        var (filled, proposed, skipped, unmatched, events) = (0, 0, 0, 0, 0);
        EventContext Context(string id) => new(id, "bench", $"e-{++events}", EventOrigin.External, null, Now);

        void FillOldest()
        {
            var vacancy = open.Dequeue();
            var first = vacancy.Candidacies[0].DossierId;
            var done = decider.Decide(vacancy, new CandidacyDecided(first, CandidacyDecision.Admit, vacancy.Place.AvailableFrom), Context(vacancy.Id));
            // Every candidate told its candidacy ended (admitted, or place filled by another) is no longer pending.
            foreach (var told in done.Effects.OfType<SendEvent>().Where(e => e.Payload is CandidacyEnded))
            {
                pending.Remove(told.InstanceId);
            }

            waiting.Remove(first);
            filled += done.State!.Status == VacancyStatus.Filled ? 1 : 0;
        }

        for (var i = 0; i < places.Length; i++)
        {
            var vacancy = decider.Start(new DeclareVacancy(places[i], places[i].StructureId), Context($"V-{i:D5}")).State!;
            var match = Matching.Propose(vacancy.Place, ranked, waiting, pending);
            if (match.Candidates.Count == 0)
            {
                unmatched++;
                continue;
            }

            vacancy = decider.Decide(vacancy, new CandidatesProposed(match), Context(vacancy.Id)).State!;
            pending.UnionWith(match.Candidates.Select(c => c.DossierId));
            (proposed, skipped) = (proposed + match.Candidates.Count, skipped + match.Skipped.Count);
            open.Enqueue(vacancy);
            if (open.Count > OpenAtOnce)
            {
                FillOldest();
            }
        }

        while (open.Count > 0)
        {
            FillOldest();
        }

        return new(filled, proposed, skipped, unmatched);
    }

    /// <summary>Mostly people alone without particular needs; some couples, children, pets, care needs; wishes of 0 to 2 départements.</summary>
    private static PlacementNeeds Needs(Random random, string id)
    {
        var care = Enum.GetValues<CareNeed>().Where(_ => random.Next(10) == 0).ToArray();
        var wishes = random.GetItems(Enum.GetValues<Department>(), random.Next(0, 3)).Distinct().ToArray();
        return new(id, Device.Act, random.Next(3) == 0 ? Sex.Female : Sex.Male, care, random.Next(7) == 0, random.Next(20) == 0 ? 1 : 0, random.Next(10) == 0, wishes);
    }
}
