using System.Diagnostics;
using System.Globalization;
using Guichet.Domain;
using Guichet.Domain.Identity;
using Guichet.Domain.Intake;
using Guichet.Domain.Ranking;

namespace Guichet.Bench;

/// <summary>
/// The pure domain at the region's scale (DESIGN §8: ranking and matching under 2 s): 50,000 generated waiting
/// dossiers ranked with the default grid, and 1,000 new requests matched against an index of their 50,000
/// identities by blocking key. A fixed seed, no storage, no Azurite. Median of a few rounds after a warm-up.
/// </summary>
internal static class RankingBench
{
    private const int Seed = 20261123;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] LastNames = ["Diallo", "Traoré", "Coulibaly", "Ben Ali", "El Amrani", "Dubois", "Martin", "N'Diaye", "Kowalski", "Petrov", "Koné", "Camara", "Haddad", "Nguyen", "Lefèvre", "Mendy"];
    private static readonly string[] FirstNames = ["Mamadou", "Mohamed", "Aminata", "Awa", "Marie", "Sergueï", "Youssef", "Fatoumata", "Jean", "Karim", "Nadia", "Ibrahima", "Olena", "Piotr", "Aïcha", "Moussa"];

    public static string Run(int dossiers = 50_000, int requests = 1_000, int rounds = 5)
    {
        var random = new Random(Seed);
        var waiting = Enumerable.Range(0, dossiers).Select(i => Dossier(random, i, Now)).ToArray();
        var people = Enumerable.Range(0, dossiers).Select(_ => Identity(random)).ToArray();
        var profiles = new IdentityProfile[dossiers];
        var incoming = Enumerable.Range(0, requests).Select(_ => Identity(random)).ToArray();

        PriorityRanking.Rank(waiting.Take(1000), PriorityGrid.Default, Now);
        var rank = Measure.Median(Enumerable.Range(0, rounds).Select(_ => Time(() => PriorityRanking.Rank(waiting, PriorityGrid.Default, Now))));
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var indexing = Time(() =>
        {
            for (var i = 0; i < people.Length; i++)
            {
                profiles[i] = IdentityProfile.Of(people[i]);
                foreach (var key in BlockingKeys.Of(profiles[i]))
                {
                    (index.TryGetValue(key, out var ids) ? ids : index[key] = []).Add(i);
                }
            }
        });
        var (candidates, found) = (0, 0);
        var matching = Measure.Median(Enumerable.Range(0, rounds).Select(_ => Time(() =>
        {
            (candidates, found) = (0, 0);
            foreach (var person in incoming.Select(IdentityProfile.Of))
            {
                var block = BlockingKeys.Of(person).SelectMany(k => index.GetValueOrDefault(k) ?? []).Distinct().ToArray();
                candidates += block.Length;
                found += block.Count(i => IdentityMatch.Compare(person, profiles[i]).Level != MatchLevel.None);
            }
        })));

        return string.Create(CultureInfo.InvariantCulture, $"""
            Ranking and matching in the pure domain (seed {Seed}, median of {rounds} rounds)
              rank {dossiers:N0} waiting dossiers            : {rank,8:F0} ms   ({rank / 2000:P0} of the 2 s target)
              match {requests:N0} requests by blocking key     : {matching,8:F0} ms   ({candidates:N0} candidates compared, {found:N0} possible or sure)
              ranking and matching together            : {rank + matching,8:F0} ms   (target < 2000 ms; index of {dossiers:N0} profiled identities built once in {indexing:F0} ms)

            """);
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>A random waiting dossier as of <paramref name="now"/>; with no wish (anywhere) unless <paramref name="withWishes"/>.</summary>
    internal static RankingInput Dossier(Random random, int i, DateTimeOffset now, bool withWishes = true)
    {
        var departments = Enum.GetValues<Department>();
        return new(
            $"dossier-{i:D6}",
            now.AddMinutes(-random.Next(0, 3 * 365 * 24 * 60)),
            random.Next(0, 6),
            random.Next(0, 6),
            (HousingSituation)random.Next(0, 6),
            random.Next(3) == 0 ? null : DateOnly.FromDateTime(now.DateTime).AddDays(-random.Next(0, 10 * 365)),
            [.. random.GetItems(departments, random.Next(0, 3)).Distinct()],
            withWishes ? [.. random.GetItems(departments, random.Next(0, 3)).Distinct()] : []);
    }

    private static Person Identity(Random random)
    {
        var year = random.Next(1950, 2006);
        var birthDate = random.Next(5) == 0 ? PartialDate.OfYear(year) : PartialDate.Of(new DateOnly(year, random.Next(1, 13), random.Next(1, 29)));
        return new(random.GetItems(LastNames, 1)[0], random.GetItems(FirstNames, 1)[0], birthDate, (Sex)random.Next(0, 2), null);
    }
}
