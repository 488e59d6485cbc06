using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Host.Security;
using Guichet.Testing;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// The periodic confirmation of a waiting dossier on the real host, six months skipped on its clock: the reminder on
/// <c>dossier-events</c>, the date passed and the ARS list, the expiry after the grace; the confirmation route and who may call it.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class WaitingConfirmationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 300_000)]
    public async Task SixMonthsUnconfirmed_TheReminderGoesOut_ThenThePrescriberAndTheArsAreAskedAgain_ThenItExpires()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var (id, prescriber) = await WaitingAsync(host);
        var dueAt = (await ViewAsync(host, id, prescriber)).GetProperty("confirmation").GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(host.Clock.GetUtcNow().AddMonths(6), dueAt);
        Assert.Equal(dueAt, (await OwnWaitingListAsync(host, prescriber)).GetProperty("confirmationDueAt").GetDateTimeOffset());

        // A month before: the prescriber is reminded, the dossier stays on the list.
        host.Clock.Advance(dueAt.AddMonths(-1) - host.Clock.GetUtcNow());
        var reminder = await UntilToldAsync(host, prescriber, DossierDecider.ConfirmationReminderKind);
        Assert.Equal("waiting-list", reminder.GetProperty("status").GetString());
        Assert.Contains("Rappel", reminder.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await AwaitingConfirmationIdsAsync(host));

        // The date passes unconfirmed: the prescriber is asked again, and the dossier is on the ARS's list with its closing date.
        host.Clock.Advance(dueAt - host.Clock.GetUtcNow());
        await UntilToldAsync(host, prescriber, DossierDecider.ConfirmationDueKind);
        using var agency = host.Client(Roles.ArsAdmin);
        var listed = (await ClockedApp.ReadAsync(await agency.GetAsync("/api/dossiers/awaiting-confirmation?device=ACT"))).EnumerateArray().Single(d => d.GetProperty("dossierId").GetString() == id);
        var closesAt = listed.GetProperty("closesAt").GetDateTimeOffset();
        Assert.Equal(listed.GetProperty("askedAgainAt").GetDateTimeOffset().AddMonths(1), closesAt);
        Assert.Equal("ref-" + id, listed.GetProperty("requests")[0].GetProperty("externalRef").GetString());
        Assert.Equal("waiting-list", await host.StatusOfAsync(id));

        // The grace runs out: the dossier expires, with its reason, and leaves the ARS's list.
        host.Clock.Advance(closesAt - host.Clock.GetUtcNow());
        var expired = await UntilToldAsync(host, prescriber, null, "expired");
        Assert.Contains("faute de confirmation", expired.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("expired", await host.StatusOfAsync(id));
        await Eventually.HoldsAsync(async () => !(await AwaitingConfirmationIdsAsync(host)).Contains(id), "the expired dossier off the ARS list");
    }

    [Fact(Timeout = 300_000)]
    public async Task AConfirmation_MovesTheDateSixMonthsFromNow_OnlyForItsPrescriberOrTheArs()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var (id, prescriber) = await WaitingAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(60));

        using (var other = await ConfirmAsync(host.Client(Roles.Prescriber, org: "presc-another-org"), id, new { note = "Pas le mien." }))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var structure = await ConfirmAsync(host.Client(Roles.Structure, org: "act-92-trait-d-union"), id, new { }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, structure.StatusCode);
        }

        using (var tooLong = await ConfirmAsync(host.Client(Roles.Prescriber, org: prescriber), id, new { note = new string('x', 4001) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.Contains("note", (await ClockedApp.ReadAsync(tooLong)).GetProperty("errors").ToString(), StringComparison.Ordinal);
        }

        var untouched = (await ViewAsync(host, id, prescriber)).GetProperty("confirmation").GetProperty("dueAt").GetDateTimeOffset();
        for (var i = 0; i < 2; i++)
        {
            using var confirmed = await ConfirmAsync(host.Client(Roles.Prescriber, org: prescriber), id, new { note = "Toujours à la rue." }, idempotencyKey: "confirm-1");
            Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        }

        var confirmation = (await ViewAsync(host, id, prescriber)).GetProperty("confirmation");
        Assert.Equal(host.Clock.GetUtcNow().AddMonths(6), confirmation.GetProperty("dueAt").GetDateTimeOffset());
        Assert.NotEqual(untouched, confirmation.GetProperty("dueAt").GetDateTimeOffset());
        await UntilToldAsync(host, prescriber, DossierDecider.ConfirmedKind);
        Assert.Single(await DossierEventsQueue.ForAsync(azurite, prescriber), m => m.TryGetProperty("kind", out var kind) && kind.GetString() == DossierDecider.ConfirmedKind);

        // The guichet confirms after a call, with its note, shown to the ARS but not to the prescriber.
        host.Clock.Advance(TimeSpan.FromDays(1));
        using (var agency = await ConfirmAsync(host.Client(Roles.ArsAdmin), id, new { note = "Appel à la maraude : la personne attend toujours." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, agency.StatusCode);
        }

        using var ars = host.Client(Roles.ArsAdmin);
        var seen = (await ClockedApp.ReadAsync(await ars.GetAsync($"/api/dossiers/{id}"))).GetProperty("confirmation");
        Assert.Equal(host.Clock.GetUtcNow().AddMonths(6), seen.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("Appel à la maraude : la personne attend toujours.", seen.GetProperty("lastNote").GetString());
        Assert.Equal(JsonValueKind.Null, (await ViewAsync(host, id, prescriber)).GetProperty("confirmation").GetProperty("lastNote").ValueKind);
    }

    [Fact(Timeout = 300_000)]
    public async Task ADossierNotOnTheList_IsNotConfirmed()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var prescriber = DossierScenarios.NewPrescriber().Id;
        var id = await host.AwaitingAsync("D-CONF-" + Guid.NewGuid().ToString("N")[..8], prescriber: prescriber);

        using var refused = await ConfirmAsync(host.Client(Roles.Prescriber, org: prescriber), id, new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("liste d'attente", (await ClockedApp.ReadAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await ViewAsync(host, id, prescriber)).TryGetProperty("confirmation", out _));
    }

    /// <summary>A dossier of a prescriber of its own, declared admissible now.</summary>
    private static async Task<(string Id, string Prescriber)> WaitingAsync(ClockedApp host)
    {
        var prescriber = DossierScenarios.NewPrescriber().Id;
        var id = await host.AwaitingAsync("D-CONF-" + Guid.NewGuid().ToString("N")[..8], prescriber: prescriber);
        await host.RaiseAsync(id, DossierEventNames.PutOnAgenda, new PutOnAgenda("S-" + id));
        await host.RaiseAsync(id, DossierEventNames.CommissionDecided, new CommissionDecided("S-" + id, CommissionVerdict.Admissible, null, null, null));
        return (id, prescriber);
    }

    private static async Task<JsonElement> ViewAsync(ClockedApp host, string id, string prescriber)
    {
        using var client = host.Client(Roles.Prescriber, org: prescriber);
        using var response = await client.GetAsync($"/api/dossiers/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ClockedApp.ReadAsync(response);
    }

    private static async Task<JsonElement> OwnWaitingListAsync(ClockedApp host, string prescriber)
    {
        using var client = host.Client(Roles.Prescriber, org: prescriber);
        using var response = await client.GetAsync("/api/waiting-list?device=ACT");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single((await ClockedApp.ReadAsync(response)).GetProperty("dossiers").EnumerateArray());
    }

    private static async Task<List<string>> AwaitingConfirmationIdsAsync(ClockedApp host)
    {
        using var client = host.Client(Roles.ArsAdmin);
        using var response = await client.GetAsync("/api/dossiers/awaiting-confirmation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ClockedApp.ReadAsync(response)).EnumerateArray().Select(d => d.GetProperty("dossierId").GetString()!)];
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string id, object body, string? idempotencyKey = null)
    {
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{id}/confirmation") { Content = JsonContent.Create(body) };
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return await client.SendAsync(request);
        }
    }

    /// <summary>Lets the host's clock run a minute at a time until the prescriber is told <paramref name="kind"/> (or <paramref name="status"/>).</summary>
    private async Task<JsonElement> UntilToldAsync(ClockedApp host, string prescriber, string? kind, string? status = null)
    {
        JsonElement found = default;
        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromMinutes(1),
            async () =>
            {
                var told = (await DossierEventsQueue.ForAsync(azurite, prescriber)).LastOrDefault(m =>
                    (kind is null || (m.TryGetProperty("kind", out var k) && k.GetString() == kind)) && (status is null || m.GetProperty("status").GetString() == status));
                found = told;
                return told.ValueKind == JsonValueKind.Object;
            },
            $"{prescriber} told {kind ?? status}",
            TimeSpan.FromSeconds(90));
        return found;
    }
}
