using System.Net;
using System.Text;
using System.Text.Json;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Readings;
using Guichet.Runtime.Workflows;
using Guichet.Host.Tests.Workflows;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// The instance API raises no event on the guichet's own workflows: a dossier's decisions and readings come only
/// through their business routes, which check roles and organisations (invariants 2 and 6, every decision traced).
/// </summary>
[Collection(HostGroup.Name)]
public sealed class InstanceRouteBusinessEventTests(AzuriteFixture azurite, SharedApp shared)
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The review's path to the waiting list without a commission: each step, well formed, is refused.</summary>
    public static TheoryData<string, DossierEvent> Events() => new()
    {
        { DossierEventNames.MedicalReadingRecorded, new MedicalReadingRecorded(new MedicalReading(ReadingVerdict.Eligible, 5, [], null, null, null)) },
        { DossierEventNames.PutOnAgenda, new PutOnAgenda("x") },
        { DossierEventNames.CommissionDecided, new CommissionDecided("x", CommissionVerdict.Admissible, null, null, "Passe devant tout le monde.") },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task AdminRaisingADossierEvent_ThroughTheInstanceRoute_Is409NamingTheBusinessRoutes_AndChangesNothing(string name, DossierEvent @event)
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var admin = app.Admin();
        var before = (await app.Runtime.GetStatusAsync(id))!;
        var payload = JsonSerializer.Serialize(@event, @event.GetType(), WorkflowJson.Options);

        using var response = await admin.PostAsync($"/api/instances/{id}/events/{name}", Body(payload));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await BodyAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("/api/dossiers/{id}/", detail, StringComparison.Ordinal);
        Assert.Contains("/api/commissions/{sessionId}/decisions", detail, StringComparison.Ordinal);
        var after = (await app.Runtime.GetStatusAsync(id))!;
        Assert.Equal("received", after.CustomStatus);
        Assert.Equal(before.HistoryLength, after.HistoryLength);
        Assert.Equal(before.LastUpdatedAt, after.LastUpdatedAt);
    }

    [Fact]
    public async Task ATestWorkflow_StillTakesEventsThroughTheInstanceRoute()
    {
        var app = await shared.GetAsync(azurite);
        var id = "it-" + Guid.NewGuid().ToString("N")[..12];
        await app.Runtime.StartAsync(CounterWorkflow.TypeName, id);
        using var admin = app.Admin();

        using var response = await admin.PostAsync($"/api/instances/{id}/events/add", Body("""{"amount":2}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await app.Runtime.GetStatusAsync(id, withData: true))!.State!.Value.GetProperty("total").GetInt32());
    }
}
