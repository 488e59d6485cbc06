using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Host.Intake;
using Guichet.Host.Security;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// Invariant 8 when handling keeps failing: a valid message whose every delivery fails on storage (the intake keys'
/// table refuses, as in an outage) goes to <c>dossiers-intake-poison</c> and is also rejected, once, with the reason,
/// where its prescriber reads it. An Azurite of its own: its host alone listens to <c>dossiers-intake</c>.
/// </summary>
public sealed class IntakeGivenUpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task MessageFailingOnEveryDelivery_IsDeadLettered_AndRejectedOnce_VisibleToItsPrescriber()
    {
        var faults = new StorageFaults();
        var settings = IntakeHost.DeviceSettings();
        settings["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2";
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01";
        await using var app = new GuichetApp(azurite.Azurite, settings, services: s => s.AddSingleton(azurite.Azurite.Clients(faults)));
        var probe = new IntakeProbe(app, azurite);
        _ = app.Server;
        faults.Fail(app.Hub + "IntakeKeys");
        var prescriber = NewPrescriber();
        var text = Request(prescriber, "REF-1", Person(UniqueName(), "Karim", "1975-06-14")).ToJsonString();
        var deadLetters = app.Services.GetRequiredService<Runtime.Queues.DeadLetters>();

        // The same message twice, base64 then plain: two dead letters, one rejection.
        await probe.SendAndWaitAsync(Base64(text), text);
        await Eventually.HoldsAsync(async () => (await deadLetters.PeekAsync(IntakeHandler.QueueName)).Count == 2, "both messages dead-lettered");

        Assert.True(faults.InjectedFor(app.Hub + "IntakeKeys") >= 4);
        var id = IntakeRejectionTests.Hash(text);
        var row = Assert.Single(await probe.RowsAsync("IntakeRejections", TableClient.CreateQueryFilter($"PartitionKey eq {prescriber}")));
        Assert.Equal(id, row.GetString("Id"));
        Assert.True(row.GetBoolean("Notified"));
        var message = Assert.Single(await probe.RejectedAsync(prescriber));
        var reason = Assert.Single(message.GetProperty("reasons").EnumerateArray());
        Assert.Contains("incident technique", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await probe.DossierAsync(Domain.Dossiers.DossierIds.For(new Domain.Intake.IntakeKey(prescriber, "REF-1"))));

        using var client = app.ClientWith(GuichetApp.Token([Roles.Prescriber], org: prescriber, name: "Paula"));
        using var response = await client.GetAsync(new Uri("/api/dossiers?externalRef=REF-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("incident technique", found.GetProperty("rejection").GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
