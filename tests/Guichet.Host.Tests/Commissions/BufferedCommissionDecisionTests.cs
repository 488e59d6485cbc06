using System.Net;
using System.Net.Http.Json;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.ClockedApp;

namespace Guichet.Host.Tests.Commissions;

/// <summary>A decision buffered while the session is suspended answers 202 with the decision's outcome as <c>Location</c>: its member learns a refusal on resumption.</summary>
[Collection(HostGroup.Name)]
public sealed class BufferedCommissionDecisionTests(AzuriteFixture azurite)
{
    private const string Session = "/api/commissions/commission-ACT-20261123";

    [Fact(Timeout = 120_000)]
    public async Task ADecisionBufferedThenRefused_ItsLocationSaysRefusedWithTheReason()
    {
        await using var host = Start(azurite, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await host.AwaitingAsync("D-1");
        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);
        using var structure = host.Client(Roles.Structure, org: "act-92-trait-d-union");
        using var opened = await admin.PostAsync("/api/commissions?device=ACT", null);
        await host.Runtime.SuspendAsync("commission-ACT-20261123", "contrôle");

        using var buffered = await commission.PostAsJsonAsync(
            $"{Session}/decisions", new { dossierId = "D-1", verdict = "not-admissible", code = "no-chronic-condition", justification = "  ", priorityOverride = (string?)null });
        var location = buffered.Headers.Location!;
        using var waiting = await commission.GetAsync(location);
        await host.Runtime.ResumeAsync("commission-ACT-20261123");
        using var refused = await commission.GetAsync(location);
        using var forbidden = await structure.GetAsync(location);
        using var noSession = await commission.GetAsync("/api/commissions/commission-ACT-20991231/event-outcome?eventId=e1");

        Assert.Equal(HttpStatusCode.Accepted, buffered.StatusCode);
        Assert.StartsWith($"{Session}/event-outcome?eventId=", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("Buffered", (await ReadAsync(waiting)).GetProperty("result").GetString());
        var outcome = await ReadAsync(refused);
        Assert.Equal("Refused", outcome.GetProperty("result").GetString());
        Assert.Contains("justifiée", outcome.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSession.StatusCode);
        using var session = await commission.GetAsync(Session);
        Assert.Empty((await ReadAsync(session)).GetProperty("minutes").EnumerateArray());
    }
}
