using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// A business route on an instance a bug left Failed answers 409 in French, saying who puts it back to work, and
/// changes nothing: the dossier's and the place's routes, as the instance API does.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class FailedInstanceRoutesTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task AnswerOrWithdrawal_OnAFailedPlaceOrDossier_Is409SayingToRewind_AndNothingChanges()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        await host.WaitingAsync("FI-1", 5);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        await host.UntilStatusAsync("FI-1", "proposed");
        await MarkFailedAsync(host, vacancy);
        await MarkFailedAsync(host, "FI-1");
        var (placeBefore, dossierBefore) = ((await host.Runtime.GetStatusAsync(vacancy))!, (await host.Runtime.GetStatusAsync("FI-1"))!);

        using var answer = await host.DecideAsync(TraitDUnion, $"{vacancy}~FI-1", new { decision = "admit", entryDate = "2026-12-01" });
        using var prescriber = host.Client(Roles.Prescriber, org: "maraude-75", name: "Paula");
        using var withdrawal = await prescriber.PostAsJsonAsync("/api/dossiers/FI-1/withdraw", new { reason = "La personne a trouvé un logement." });

        await AssertFailedProblemAsync(answer, $"La place « {vacancy} »", vacancy);
        await AssertFailedProblemAsync(withdrawal, "Le dossier « FI-1 »", "FI-1");
        Assert.Equal(placeBefore.HistoryLength, (await host.Runtime.GetStatusAsync(vacancy))!.HistoryLength);
        Assert.Equal(dossierBefore.HistoryLength, (await host.Runtime.GetStatusAsync("FI-1"))!.HistoryLength);
        Assert.Equal("pending", Assert.Single(await host.CandidaciesAsync(TraitDUnion, vacancy)).Status);
    }

    private static async Task AssertFailedProblemAsync(HttpResponseMessage response, string subject, string instanceId)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await ClockedApp.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.StartsWith($"{subject} est en échec", detail, StringComparison.Ordinal);
        Assert.Contains($"/api/instances/{instanceId}/rewind", detail, StringComparison.Ordinal);
    }

    /// <summary>What a bug in a decider leaves: the instance Failed with its reason (the runtime's own column names).</summary>
    private async Task MarkFailedAsync(ClockedApp host, string instanceId)
    {
        var instances = azurite.Azurite.Clients().Tables.GetTableClient(host.App.Hub + "Instances");
        var state = (await instances.GetEntityAsync<TableEntity>(instanceId, "state")).Value;
        state["RuntimeStatus"] = "Failed";
        state["Error"] = "NullReferenceException: un défaut du code, injecté par le test.";
        await instances.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Merge);
        Assert.Equal(Runtime.Instances.RuntimeStatus.Failed, (await host.Runtime.GetStatusAsync(instanceId))!.RuntimeStatus);
    }
}
