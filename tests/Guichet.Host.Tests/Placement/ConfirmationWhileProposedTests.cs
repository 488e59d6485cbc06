using System.Globalization;
using System.Net;
using Guichet.Domain.Dossiers;
using Guichet.Host.Placement;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// A dossier unconfirmed past its grace while proposed to a structure does not expire under the structure's feet: its end
/// waits for the structure's answer (answers given 60 days here, so that the grace ends first).
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class ConfirmationWhileProposedTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task AProposedDossierPastItsGrace_StaysProposed_AndExpiresWhenTheStructureRefuses()
    {
        await using var host = ClockedApp.Start(azurite, Now, new Dictionary<string, string?>
        {
            [PlacementRegistration.AnswerDeadlineSetting] = "60.00:00:00",
            [PlacementRegistration.ReminderAfterSetting] = "50.00:00:00",
        });
        await host.WaitingAsync("D-UNCONFIRMED", 4);
        using var agency = host.Client(Roles.ArsAdmin);
        var dueAt = (await ClockedApp.ReadAsync(await agency.GetAsync("/api/dossiers/D-UNCONFIRMED"))).GetProperty("confirmation").GetProperty("dueAt").GetDateTimeOffset();

        // Six months pass unconfirmed: the dossier is on the ARS's list; then a place proposes it.
        host.Clock.Advance(dueAt - host.Clock.GetUtcNow());
        var closesAt = DateTimeOffset.MinValue;
        await Eventually.AdvanceUntilAsync(host.Clock, TimeSpan.FromMinutes(1), async () =>
        {
            var listed = (await ClockedApp.ReadAsync(await agency.GetAsync("/api/dossiers/awaiting-confirmation"))).EnumerateArray().ToList();
            closesAt = listed.Count == 1 ? listed[0].GetProperty("closesAt").GetDateTimeOffset() : closesAt;
            return listed.Count == 1;
        }, "D-UNCONFIRMED on the ARS's list", TimeSpan.FromSeconds(90));
        var vacancy = await host.DeclareAsync(TraitDUnion, host.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        await host.UntilStatusAsync("D-UNCONFIRMED", "proposed");

        // The grace runs out while the structure has not answered: the dossier stays proposed.
        Assert.Contains((await host.Runtime.GetStatusAsync("D-UNCONFIRMED"))!.PendingTimers, t => t.Name == DossierEventNames.ConfirmationDeadline && t.DueAt == closesAt);
        host.Clock.Advance(closesAt - host.Clock.GetUtcNow());
        await Eventually.AdvanceUntilAsync(host.Clock, TimeSpan.FromMinutes(1), async () =>
            (await host.Runtime.GetStatusAsync("D-UNCONFIRMED"))!.PendingTimers.All(t => t.Name != DossierEventNames.ConfirmationDeadline),
            "the confirmation deadline fired", TimeSpan.FromSeconds(90));
        Assert.Equal("proposed", await host.StatusOfAsync("D-UNCONFIRMED"));

        // The structure refuses: the dossier does not go back on the list; it expires.
        using (var refused = await host.DecideAsync(TraitDUnion, $"{vacancy}~D-UNCONFIRMED", new { decision = "refuse", code = "household-not-compatible", justification = "Logement trop petit." }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        await host.UntilStatusAsync("D-UNCONFIRMED", "expired");
    }
}
