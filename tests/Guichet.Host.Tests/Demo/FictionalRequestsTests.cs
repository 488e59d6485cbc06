using Guichet.Domain;
using Guichet.Domain.Identity;
using Guichet.Domain.Intake;
using Guichet.Host.Demo;

namespace Guichet.Host.Tests.Demo;

/// <summary>The demonstration data: the seeds' organisations, and fictional requests that intake accepts.</summary>
public sealed class FictionalRequestsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSeedsOrganisations_AreAllThere_WithTheirDepartments()
    {
        Assert.Equal(26, ParticipatoryHealthCentres.All.Count);
        Assert.Equal(26, ParticipatoryHealthCentres.All.Select(c => c.Id).Distinct().Count());
        Assert.Equal(4, ParticipatoryHealthCentres.All.Count(c => c.InRegion));
        Assert.Contains(ParticipatoryHealthCentres.All, c => c is { Name: "ACSBE La Place Santé", City: "Saint-Denis", Department: "93" });
        Assert.Contains(SeedOperators.All, o => o.Name == "Oppelia" && o.Structures.Single().Contains("20 places d'ACT", StringComparison.Ordinal));
        Assert.Contains(SeedOperators.All, o => o.Name == "BASILIADE" && o.Structures.Single().Contains("45 places d'ACT", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryGeneratedRequest_PassesIntakeValidation_AndIsMarkedFictional()
    {
        var requests = FictionalRequests.Generate(500, Device.Act, Now);

        foreach (var request in requests)
        {
            var result = IntakeValidation.Validate(FictionalRequests.ToMessage(request), Now);
            Assert.True(result.IsValid, string.Join("; ", result.Violations.Select(v => $"{v.Path}: {v.Message}")));
            Assert.StartsWith(FictionalRequests.Marker, request.ExternalRef, StringComparison.Ordinal);
            Assert.Contains("fictive", request.Medical.Summary, StringComparison.Ordinal);
        }

        Assert.Equal(500, requests.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void TheSameSeed_GivesTheSameRequests_AnotherSeedOthers()
    {
        var first = FictionalRequests.Generate(50, Device.Lhss, Now, seed: 7).Select(FictionalRequests.ToMessage);
        var again = FictionalRequests.Generate(50, Device.Lhss, Now, seed: 7).Select(FictionalRequests.ToMessage);
        var other = FictionalRequests.Generate(50, Device.Lhss, Now, seed: 8).Select(FictionalRequests.ToMessage);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void AboutOneRequestInTen_IsAnEarlierPersonAgain_FromAnotherPrescriber_ThatMatchingFinds()
    {
        var requests = FictionalRequests.Generate(400, Device.Act, Now);

        var again = requests.Select((r, i) => (Request: r, Earlier: requests.Take(i).FirstOrDefault(e => IsSamePersonAgain(e, r)))).Where(p => p.Earlier is not null).ToList();

        Assert.InRange(again.Count, 20, 70);
        Assert.All(again, p => Assert.NotEqual(p.Earlier!.Prescriber.Id, p.Request.Prescriber.Id));
        Assert.All(again, p => Assert.NotEqual(MatchLevel.None, IdentityMatch.Compare(p.Earlier!.Person, p.Request.Person).Level));
    }

    // The generator copies the medical situation of the person it repeats: the summary and pathologies are the mark.
    private static bool IsSamePersonAgain(DossierRequest earlier, DossierRequest request) =>
        ReferenceEquals(earlier.Medical, request.Medical);
}
