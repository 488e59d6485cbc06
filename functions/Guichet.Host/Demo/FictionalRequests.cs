using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guichet.Domain;
using Guichet.Domain.Intake;

namespace Guichet.Host.Demo;

/// <summary>
/// Realistic, entirely fictional requests for the demonstration: every one is marked so (its externalRef starts
/// with <see cref="Marker"/> and its medical summary says it), and about one in ten is a second request for an
/// earlier person, from another prescriber, with the spelling variants real files carry, so that merging shows.
/// The same seed gives the same requests.
/// </summary>
public static class FictionalRequests
{
    /// <summary>What starts every fictional externalRef.</summary>
    public const string Marker = "FICTIF-";

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string[] LastNames = ["Martin", "Diallo", "Traoré", "Benali", "Nguyen", "Kouassi", "Lefèvre", "Haddad", "Camara", "Popescu", "Moreau", "Mohamed", "Ouédraogo", "Da Silva", "Khelifi", "Dubois", "Sow", "Le Goff", "Cissé", "Petit"];
    private static readonly string[] FemaleNames = ["Aminata", "Marie", "Fatoumata", "Nadia", "Ioana", "Sophie", "Mariam", "Hélène", "Aïcha", "Linh"];
    private static readonly string[] MaleNames = ["Mamadou", "Jean-Pierre", "Mohamed", "Karim", "Ousmane", "Thierry", "Youssef", "Vasile", "Ibrahima", "Olivier"];

    private static readonly DemoPrescriber[] Others =
    [
        new("fictif-hopital-nord", "Hôpital du Nord-Est parisien (fictif)", PrescriberType.Hospital, "Paris", "75", "Île-de-France"),
        new("fictif-maraude-93", "Maraude de Seine-Saint-Denis (fictive)", PrescriberType.StreetOutreach, "Bobigny", "93", "Île-de-France"),
        new("fictif-ccas-94", "Service social départemental du Val-de-Marne (fictif)", PrescriberType.SocialService, "Créteil", "94", "Île-de-France"),
    ];

    /// <summary>The prescribers the fictional requests come from: the centres of the region, and fictional ones.</summary>
    public static IReadOnlyList<DemoPrescriber> Prescribers { get; } = [.. ParticipatoryHealthCentres.All.Where(c => c.InRegion), .. Others];

    /// <summary><paramref name="count"/> requests for <paramref name="device"/>, submitted in the 18 months before <paramref name="now"/>.</summary>
    public static IReadOnlyList<DossierRequest> Generate(int count, Device device, DateTimeOffset now, int seed = 2026)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var requests = new List<DossierRequest>(count);
        for (var i = 1; i <= count; i++)
        {
            var externalRef = string.Create(CultureInfo.InvariantCulture, $"{Marker}{device}-{seed}-{i:D6}");
            var request = requests.Count > 5 && random.NextDouble() < 0.1
                ? Again(requests[random.Next(requests.Count)], externalRef, random, now)
                : New(externalRef, device, random, now);
            requests.Add(request);
        }

        return requests;
    }

    /// <summary>The request as it travels on <c>dossiers-intake</c>: JSON, camelCase, wire spellings.</summary>
    public static string ToMessage(DossierRequest request) => JsonSerializer.Serialize(request, Wire);

    private static DossierRequest New(string externalRef, Device device, Random random, DateTimeOffset now)
    {
        var sex = random.NextDouble() < 0.3 ? Sex.Female : Sex.Male;
        var first = sex == Sex.Female ? Pick(FemaleNames, random) : Pick(MaleNames, random);
        var birthYear = now.Year - random.Next(22, 72);
        var birthDate = random.NextDouble() < 0.15
            ? PartialDate.OfYear(birthYear)
            : PartialDate.Of(new DateOnly(birthYear, random.Next(1, 13), random.Next(1, 29)));
        var person = new Person(Pick(LastNames, random), first, birthDate, sex, null);
        var anchoring = random.NextDouble() < 0.7
            ? new Anchoring([Pick(Enum.GetValues<Department>(), random)], PartialDate.OfYear(now.Year - random.Next(0, 8)))
            : Anchoring.None;
        var social = new SocialSituation(Pick(Enum.GetValues<HousingSituation>(), random), Pick(Enum.GetValues<AdminStatus>(), random), new Household(random.NextDouble() < 0.15, random.NextDouble() < 0.1 ? 1 : 0, random.NextDouble() < 0.1), anchoring);
        var pathologies = Enum.GetValues<Pathology>().OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
        var medical = new MedicalSituation(pathologies, random.NextDouble() < 0.25, random.NextDouble() < 0.15, "Demande fictive générée pour la démonstration : aucune personne réelle.");
        var wishes = random.NextDouble() < 0.5 ? new Wishes([Pick(Enum.GetValues<Department>(), random)]) : Wishes.Anywhere;
        var submittedAt = now.AddDays(-random.Next(1, 540)).AddMinutes(-random.Next(0, 1440));
        return new DossierRequest(externalRef, ToPrescriber(Pick(Prescribers, random)), device, person, social, medical, wishes, submittedAt);
    }

    /// <summary>The same person sent again by another prescriber, as files differ: case, accents, names swapped, a year alone.</summary>
    private static DossierRequest Again(DossierRequest earlier, string externalRef, Random random, DateTimeOffset now)
    {
        var p = earlier.Person;
        var person = random.Next(4) switch
        {
            0 => p with { LastName = p.LastName.ToUpperInvariant() },
            1 => p with { LastName = p.FirstName, FirstName = p.LastName },
            2 => p with { BirthDate = PartialDate.OfYear(p.BirthDate.Year) },
            _ => p with { FirstName = p.FirstName.Replace("é", "e", StringComparison.Ordinal).Replace("-", " ", StringComparison.Ordinal) },
        };
        var prescriber = Prescribers.Where(x => x.Id != earlier.Prescriber.Id).ElementAt(random.Next(Prescribers.Count - 1));
        return earlier with
        {
            ExternalRef = externalRef,
            Prescriber = ToPrescriber(prescriber),
            Person = person,
            SubmittedAt = earlier.SubmittedAt.AddDays(random.Next(1, 60)) is var at && at < now ? at : now,
        };
    }

    private static Prescriber ToPrescriber(DemoPrescriber p) => new(p.Id, p.Type, p.Name);

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
