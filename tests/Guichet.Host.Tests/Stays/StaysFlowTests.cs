using System.Net;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Host.Security;
using Guichet.Host.Tests.Placement;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Stays;

/// <summary>
/// Stays on the real host (issue 9, outcomes), time skipped: the confirmed admission opens a stay the structure lists;
/// its exit frees the place as a new vacancy that proposes the next candidate; an LHSS stay is renewed on a medical
/// opinion, its structure reminded before the planned end and the ARS alerted once when it passes.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class StaysFlowTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task AnAdmission_OpensAStay_ItsExitFreesThePlace_AndTheNewVacancyProposesTheNextCandidate()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var (stay, vacancy) = await host.AdmittedAsync(TraitDUnion, Domain.Device.Act, "S-1", "S-2");
        var stayId = stay.GetProperty("stayId").GetString()!;
        Assert.Equal(("S-1", "ongoing", "ACT", "2026-11-23"), (stay.GetProperty("dossierId").GetString(), stay.GetProperty("status").GetString(), stay.GetProperty("device").GetString(), stay.GetProperty("entryDate").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stay.GetProperty("plannedEnd").ValueKind);
        await host.UntilStatusAsync("S-2", "waiting-list");

        // Another structure may not act on it; an exit before the entry, to nowhere known, or a renewal of an ACT stay is refused.
        using (var other = await host.PostAsync(stayId, "exit", new { date = "2026-11-23", destination = "housing" }, org: Passerelles))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using (var early = await host.PostAsync(stayId, "exit", new { date = "2026-11-22", destination = "housing" }, org: TraitDUnion))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
            Assert.Contains("précède la date d'entrée", (await ClockedApp.ReadAsync(early)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var nowhere = await host.PostAsync(stayId, "exit", new { date = "2026-11-23", destination = "ailleurs" }, org: TraitDUnion))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
            Assert.Contains("Destination de sortie inconnue", (await ClockedApp.ReadAsync(nowhere)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var renewal = await host.PostAsync(stayId, "renewals", new { opinionAuthor = "Dr Martin" }, org: TraitDUnion))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, renewal.StatusCode);
            Assert.Contains("Seuls les séjours LHSS", (await ClockedApp.ReadAsync(renewal)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The exit, sent twice, is recorded once; another exit afterwards is refused.
        string? next = null;
        for (var i = 0; i < 2; i++)
        {
            using var exit = await host.PostAsync(stayId, "exit", new { date = "2026-11-23", destination = "pension-de-famille", note = "Maison relais" }, org: TraitDUnion);
            Assert.Equal(HttpStatusCode.OK, exit.StatusCode);
            var row = (await ClockedApp.ReadAsync(exit)).GetProperty("stay");
            Assert.Equal(("exited", "pension-de-famille"), (row.GetProperty("status").GetString(), row.GetProperty("destination").GetString()));
            Assert.True(next is null || next == row.GetProperty("nextVacancyId").GetString());
            next = row.GetProperty("nextVacancyId").GetString();
        }

        using (var another = await host.PostAsync(stayId, "exit", new { date = "2026-11-23", destination = "hospital" }, org: TraitDUnion))
        {
            Assert.Equal(HttpStatusCode.Conflict, another.StatusCode);
        }

        Assert.Equal("exited", Assert.Single(await host.StaysAsync(TraitDUnion, "exited"), s => s.GetProperty("stayId").GetString() == stayId).GetProperty("status").GetString());

        // The place is free again from the exit date, with the same features, and proposes S-2, back on the list.
        await Eventually.AdvanceUntilAsync(host.Clock, TimeSpan.FromSeconds(1), async () => await host.StatusOfAsync(next!) is not null, $"the vacancy {next} declared", TimeSpan.FromSeconds(60));
        await host.UntilCandidaciesAsync(TraitDUnion, next!, 1);
        Assert.Equal(("S-2", "pending"), (await host.CandidaciesAsync(TraitDUnion, next!))[0]);
        var (before, after) = ((await host.VacancyAsync(TraitDUnion, vacancy)).GetProperty("vacancy"), (await host.VacancyAsync(TraitDUnion, next!)).GetProperty("vacancy"));
        Assert.Equal(("2026-11-23", before.GetProperty("features").GetString()), (after.GetProperty("availableFrom").GetString(), after.GetProperty("features").GetString()));
    }

    [Fact(Timeout = 300_000)]
    public async Task AnLhssStay_IsRenewedOnAMedicalOpinion_TheStructureIsReminded_AndTheArsAlertedOnceAtThePlannedEnd()
    {
        const string LePhare = "lhss-93-le-phare";
        await using var host = ClockedApp.Start(azurite, Now);
        var (stay, _) = await host.AdmittedAsync(LePhare, Domain.Device.Lhss, "L-1");
        var stayId = stay.GetProperty("stayId").GetString()!;
        Assert.Equal("2027-01-23", stay.GetProperty("plannedEnd").GetString());

        // A renewal names the opinion's author; another structure may not renew; a medical reader may, and reads the opinion.
        using (var anonymous = await host.PostAsync(stayId, "renewals", new { opinionAuthor = " ", renews = "2027-01-23" }, org: LePhare))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, anonymous.StatusCode);
        }

        // Without the end it extends, a renewal is refused, naming the field: a retry could otherwise extend twice.
        using (var unnamed = await host.PostAsync(stayId, "renewals", new { opinionAuthor = "Dr Martin" }, org: LePhare))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
            Assert.True((await ClockedApp.ReadAsync(unnamed)).GetProperty("errors").TryGetProperty("$.renews", out _));
        }

        using (var other = await host.PostAsync(stayId, "renewals", new { opinionAuthor = "Dr Martin" }, org: TraitDUnion))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var renewed = await host.PostAsync(stayId, "renewals", new { opinionAuthor = "Dr Martin", opinion = "Pansements quotidiens à poursuivre.", renews = "2027-01-23" }, role: Roles.MedicalReader);
            Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
            var view = await ClockedApp.ReadAsync(renewed);
            Assert.Equal(("2027-03-23", 1), (view.GetProperty("stay").GetProperty("plannedEnd").GetString(), view.GetProperty("stay").GetProperty("renewals").GetInt32()));
            Assert.Equal("Pansements quotidiens à poursuivre.", view.GetProperty("renewals")[0].GetProperty("opinion").GetString());
        }

        // The same renewal sent by the structure changes nothing, and shows it who gave the opinion, not what it says;
        // another renewal of the end already extended is refused.
        using (var same = await host.PostAsync(stayId, "renewals", new { opinionAuthor = "Dr Martin", opinion = "Pansements quotidiens à poursuivre.", renews = "2027-01-23" }, org: LePhare))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            var renewal = Assert.Single((await ClockedApp.ReadAsync(same)).GetProperty("renewals").EnumerateArray());
            Assert.Equal(("Dr Martin", System.Text.Json.JsonValueKind.Null), (renewal.GetProperty("opinionAuthor").GetString(), renewal.GetProperty("opinion").ValueKind));
        }

        using (var stale = await host.PostAsync(stayId, "renewals", new { opinionAuthor = "Dr Autre", renews = "2027-01-23" }, org: LePhare))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
            Assert.Contains("ne porte pas sur l'échéance en cours", (await ClockedApp.ReadAsync(stale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var agency = host.Client(Roles.ArsAdmin))
        using (var list = await agency.GetAsync($"/api/structures/{LePhare}/stays"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain("Pansements", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Time passes to the new planned end with neither renewal nor exit: reminded a week before, the ARS alerted once; the stay goes on.
        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromHours(12),
            async () => (await host.StaysAsync(LePhare, "past-planned-end")).Any(s => s.GetProperty("stayId").GetString() == stayId),
            "the stay past its planned end",
            TimeSpan.FromSeconds(120));
        host.Clock.Advance(TimeSpan.FromDays(3));
        var alerts = await StaysHost.AlertsAsync(azurite, PlacementAlert.Queue, stayId, 2);
        Assert.Equal(
            [(StayAlert.EndNear, PlacementAlert.Structure, "2027-03-23"), (StayAlert.EndReached, PlacementAlert.Ars, "2027-03-23")],
            alerts.Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("recipient").GetString(), a.GetProperty("plannedEnd").GetString())).OrderBy(a => a.Item1, StringComparer.Ordinal));
        Assert.Equal("past-planned-end", await host.StatusOfAsync(stayId));
    }
}
