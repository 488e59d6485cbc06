using System.Net;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// An answer sent while the vacancy is suspended is not taken yet: 202 (not 200) with the answer's outcome as
/// <c>Location</c>, readable by the structure only; a refusal on resumption shows there with its reason.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class BufferedCandidacyDecisionTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 300_000)]
    public async Task AnAnswerBufferedThenRefused_Is202_AndItsLocationSaysRefusedWithTheReason()
    {
        await using var host = ClockedApp.Start(azurite, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await host.WaitingAsync("D-1", 5);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        await host.Runtime.SuspendAsync(vacancy, "contrôle");
        using var structure = host.Client(Roles.Structure, org: TraitDUnion);
        using var other = host.Client(Roles.Structure, org: Passerelles);

        using var buffered = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-1", new { decision = "refuse", code = "household-not-compatible", justification = "  " });
        var location = buffered.Headers.Location!;
        using var waiting = await structure.GetAsync(location);
        await host.Runtime.ResumeAsync(vacancy);
        using var refused = await structure.GetAsync(location);
        using var notTheirs = await other.GetAsync(location);
        using var noCandidacy = await structure.GetAsync($"/api/candidacies/{vacancy}~D-9/event-outcome?eventId=e1");

        Assert.Equal(HttpStatusCode.Accepted, buffered.StatusCode);
        Assert.Equal("pending", (await ClockedApp.ReadAsync(buffered)).GetProperty("status").GetString());
        Assert.StartsWith($"http://localhost/api/candidacies/{vacancy}~D-1/event-outcome?eventId=", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("Buffered", (await ClockedApp.ReadAsync(waiting)).GetProperty("result").GetString());
        var outcome = await ClockedApp.ReadAsync(refused);
        Assert.Equal("Refused", outcome.GetProperty("result").GetString());
        Assert.Contains("motivé", outcome.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noCandidacy.StatusCode);
        Assert.Equal("pending", (await host.CandidaciesAsync(TraitDUnion, vacancy))[0].Status);
    }
}
