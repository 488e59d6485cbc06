using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Domain;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Host.Commissions;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Host.Tests.ClockedApp;

namespace Guichet.Host.Tests.Commissions;

/// <summary>
/// A commission session over HTTP, end to end with the dossier and session workflows: the agenda ranked with the
/// grid in force, decisions and their refusals, the cap on overrides, closing and carrying over.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class CommissionSessionTests(AzuriteFixture azurite)
{
    // Monday 23 November 2026, 10:00 in Paris.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // An admissible decision names no code, justification or override: the body leaves them out.
    private static object Admissible(string dossierId, string? priorityOverride = null) => priorityOverride is null
        ? new { dossierId, verdict = "admissible" }
        : new { dossierId, verdict = "admissible", code = (string?)null, justification = (string?)null, priorityOverride };

    private static async Task<List<string?>> AgendaOf(HttpResponseMessage session) =>
        [.. (await ReadAsync(session)).GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("dossierId").GetString())];

    [Fact(Timeout = 120_000)]
    public async Task OpenOnDemand_RanksTheAgendaWithTheGridInForce_AndIsIdempotentForTheDay()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-LOW", severity: 1, vulnerability: 1, housing: HousingSituation.Other, daysAgo: 40);
        await host.AwaitingAsync("D-HIGH", severity: 5, vulnerability: 4, daysAgo: 10);
        using var admin = host.Client(Roles.ArsAdmin);

        using var opened = await admin.PostAsync("/api/commissions?device=ACT", null);
        using var again = await admin.PostAsync("/api/commissions?device=ACT", null);

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal("/api/commissions/commission-ACT-20261123", opened.Headers.Location?.ToString());
        var session = await ReadAsync(opened);
        Assert.Equal(("commission-ACT-20261123", "open", 1), (session.GetProperty("sessionId").GetString(), session.GetProperty("status").GetString(), session.GetProperty("gridVersion").GetInt32()));
        var agenda = session.GetProperty("agenda").EnumerateArray().ToList();
        Assert.Equal(["D-HIGH", "D-LOW"], agenda.Select(a => a.GetProperty("dossierId").GetString()));
        Assert.Equal([1, 2], agenda.Select(a => a.GetProperty("rank").GetInt32()));
        Assert.All(agenda, a => Assert.Equal(a.GetProperty("score").GetInt32(), a.GetProperty("explanation").EnumerateArray().Sum(l => l.GetProperty("points").GetInt32())));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("commission-ACT-20261123", (await ReadAsync(again)).GetProperty("sessionId").GetString());
        Assert.Equal("awaiting-commission", await host.StatusOfAsync("D-LOW"));
    }

    [Fact(Timeout = 120_000)]
    public async Task DecidingAdmissible_MovesTheDossierToTheWaitingList()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-1");
        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission, name: "Claire");
        using var opened = await admin.PostAsync("/api/commissions?device=ACT", null);

        using var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", Admissible("D-1"));

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var minutes = Assert.Single((await ReadAsync(decided)).GetProperty("minutes").EnumerateArray());
        Assert.Equal(("D-1", "admissible", 1), (minutes.GetProperty("decision").GetProperty("dossierId").GetString(), minutes.GetProperty("decision").GetProperty("verdict").GetString(), minutes.GetProperty("rank").GetInt32()));
        Assert.StartsWith("Claire", minutes.GetProperty("decidedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal("waiting-list", await host.StatusOfAsync("D-1"));
        using var list = await commission.GetAsync("/api/waiting-list?device=ACT");
        var entry = Assert.Single((await ReadAsync(list)).GetProperty("dossiers").EnumerateArray());
        Assert.Equal(("D-1", 1), (entry.GetProperty("dossierId").GetString(), entry.GetProperty("rank").GetInt32()));
    }

    [Fact(Timeout = 120_000)]
    public async Task NotAdmissibleWithoutJustification_Is422WithTheFrenchReason_AndChangesNothing()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-1");
        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);
        using var opened = await admin.PostAsync("/api/commissions?device=ACT", null);

        using var refused = await commission.PostAsJsonAsync(
            "/api/commissions/commission-ACT-20261123/decisions",
            new { dossierId = "D-1", verdict = "not-admissible", code = "no-chronic-condition", justification = "  ", priorityOverride = (string?)null });
        using var malformed = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", new { dossierId = "D-1", verdict = "peut-être" });
        using var session = await commission.GetAsync("/api/commissions/commission-ACT-20261123");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("justifiée", (await ReadAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty((await ReadAsync(session)).GetProperty("minutes").EnumerateArray());
        Assert.Equal("awaiting-commission", await host.StatusOfAsync("D-1"));
    }

    [Fact(Timeout = 120_000)]
    public async Task OverridesBeyondTheCap_Are422_AndAnOverrideRanksFirstOnTheWaitingList_WithItsReason()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-HIGH", severity: 5, vulnerability: 5);
        await host.AwaitingAsync("D-MID", severity: 3, vulnerability: 2);
        await host.AwaitingAsync("D-LOW", severity: 1, vulnerability: 0, housing: HousingSituation.Other);
        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);
        using var opened = await admin.PostAsync("/api/commissions?device=ACT", null);
        const string Session = "/api/commissions/commission-ACT-20261123";

        // Three dossiers at 10 %: one override allowed (at least one unless the cap is zero).
        using var first = await commission.PostAsJsonAsync($"{Session}/decisions", Admissible("D-LOW", "Sortie d'hospitalisation sans solution, avis unanime."));
        using var second = await commission.PostAsJsonAsync($"{Session}/decisions", Admissible("D-MID", "Enfant à charge."));
        using var plain = await commission.PostAsJsonAsync($"{Session}/decisions", Admissible("D-HIGH"));
        using var list = await commission.GetAsync("/api/waiting-list?device=ACT");
        using var session = await commission.GetAsync(Session);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("Dérogations au rang épuisées", (await ReadAsync(second)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var ranked = (await ReadAsync(list)).GetProperty("dossiers").EnumerateArray().ToList();
        Assert.Equal(["D-LOW", "D-HIGH"], ranked.Select(d => d.GetProperty("dossierId").GetString()));
        Assert.Equal("Sortie d'hospitalisation sans solution, avis unanime.", ranked[0].GetProperty("priorityOverride").GetString());
        Assert.Equal(JsonValueKind.Null, ranked[1].GetProperty("priorityOverride").ValueKind);
        var overrides = (await ReadAsync(session)).GetProperty("overrides");
        Assert.Equal((1, 1), (overrides.GetProperty("count").GetInt32(), overrides.GetProperty("allowance").GetInt32()));
        var entry = Assert.Single(overrides.GetProperty("entries").EnumerateArray());
        Assert.Equal(("D-LOW", 3), (entry.GetProperty("dossierId").GetString(), entry.GetProperty("rank").GetInt32()));
        Assert.Equal("awaiting-commission", await host.StatusOfAsync("D-MID"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Closing_CarriesTheUndecidedDossiers_ToTheNextSession()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-A", severity: 5);
        await host.AwaitingAsync("D-B", severity: 1);
        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);
        using var opened = await admin.PostAsync("/api/commissions?device=ACT", null);
        using var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", Admissible("D-A"));

        using var closed = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/close", new { note = "Séance levée à 12 h." });
        using var late = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", Admissible("D-B"));
        host.Clock.Advance(TimeSpan.FromDays(1));
        using var next = await admin.PostAsync("/api/commissions?device=ACT", null);

        var closing = await ReadAsync(closed);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(("closed", "Séance levée à 12 h."), (closing.GetProperty("status").GetString(), closing.GetProperty("note").GetString()));
        Assert.Equal(["D-B"], closing.GetProperty("carriedOver").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var carried = await ReadAsync(next);
        Assert.Equal("commission-ACT-20261123", carried.GetProperty("carriedFrom").GetString());
        Assert.Equal(["D-B"], await AgendaOf(next));
        Assert.Empty(carried.GetProperty("refusals").EnumerateArray());
        using var decidedLater = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261124/decisions", Admissible("D-B"));
        Assert.Equal(HttpStatusCode.OK, decidedLater.StatusCode);
        Assert.Equal("waiting-list", await host.StatusOfAsync("D-B"));
    }

    [Fact(Timeout = 120_000)]
    public async Task ADossierOnTheAgendaOfAnOpenSession_IsLeftToIt()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-A");
        using var admin = host.Client(Roles.ArsAdmin);
        using var first = await admin.PostAsync("/api/commissions?device=ACT", null);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.AwaitingAsync("D-C");

        using var second = await admin.PostAsync("/api/commissions?device=ACT", null);

        Assert.Equal(["D-A"], await AgendaOf(first));
        Assert.Equal(["D-C"], await AgendaOf(second));
    }

    [Fact(Timeout = 120_000)]
    public async Task TheAgenda_TakesOnlyDossiersWhoseReadingsCompletedBeforeTheCutOff()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-BEFORE");
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.AwaitingAsync("D-AFTER");
        var opener = host.App.Services.GetRequiredService<SessionOpener>();

        var opening = await opener.OpenAsync(Device.Act, Monday.AddHours(1), evenIfEmpty: false, new RequestContext("test"), CancellationToken.None);

        Assert.Equal((SessionOpeningResult.Opened, 1), (opening.Result, opening.AgendaSize));
        using var commission = host.Client(Roles.Commission);
        using var session = await commission.GetAsync($"/api/commissions/{opening.SessionId}");
        Assert.Equal(["D-BEFORE"], await AgendaOf(session));
        Assert.Equal(Monday.AddHours(1), (await ReadAsync(session)).GetProperty("cutOff").GetDateTimeOffset());
    }

    [Fact(Timeout = 120_000)]
    public async Task AnAgenda_HoldsAtMostMaxAgendaDossiers_ThoseReadFirst_TheOthersComeNextTime()
    {
        await using var host = Start(azurite, Monday, new Dictionary<string, string?> { ["Commissions:MaxAgenda"] = "2" });
        await host.AwaitingAsync("D-1", severity: 0);
        await host.AwaitingAsync("D-2", severity: 1);
        await host.AwaitingAsync("D-3", severity: 5);
        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);

        using var first = await admin.PostAsync("/api/commissions?device=ACT", null);
        foreach (var id in new[] { "D-1", "D-2" })
        {
            using var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", Admissible(id));
        }

        using var closed = await commission.PostAsync("/api/commissions/commission-ACT-20261123/close", null);
        host.Clock.Advance(TimeSpan.FromDays(1));
        using var second = await admin.PostAsync("/api/commissions?device=ACT", null);

        // The agenda is ranked by the grid, but chosen by the order the readings completed in.
        Assert.Equal(["D-2", "D-1"], await AgendaOf(first));
        Assert.Equal(["D-3"], await AgendaOf(second));
    }

    [Fact(Timeout = 120_000)]
    public async Task AnAgendaTooLongForTheOpeningInput_TakesThoseReadFirstThatFit_TheOthersComeNextTime()
    {
        // A payload limit of 6 KiB leaves the agenda 2 KiB: a few dossiers with their explanations, not six.
        await using var host = Start(azurite, Monday, new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:workflows:maxPayloadBytes"] = "6144" });
        var ids = Enumerable.Range(1, 6).Select(i => $"D-{i}").ToArray();
        foreach (var (id, severity) in ids.Select((id, i) => (id, i % 6)))
        {
            await host.AwaitingAsync(id, severity: severity);
        }

        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);
        using var first = await admin.PostAsync("/api/commissions?device=ACT", null);
        var taken = await AgendaOf(first);
        foreach (var id in taken)
        {
            using var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", Admissible(id!));
        }

        using var closed = await commission.PostAsync("/api/commissions/commission-ACT-20261123/close", null);
        host.Clock.Advance(TimeSpan.FromDays(1));
        using var second = await admin.PostAsync("/api/commissions?device=ACT", null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.InRange(taken.Count, 1, ids.Length - 1);
        Assert.Equal(ids[..taken.Count], taken.Order(StringComparer.Ordinal));
        Assert.Equal(ids[taken.Count..], (await AgendaOf(second)).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 600_000)]
    public async Task ALongerAgendaThanAStepCanTell_IsPutTogetherOverSeveralSteps_AndEveryDossierIsOnIt()
    {
        await using var host = Start(azurite, Monday);
        var ids = Enumerable.Range(1, (2 * CommissionSessionDecider.AgendaStep) + 5).Select(i => $"D-{i:D3}").ToArray();
        foreach (var id in ids)
        {
            await host.AwaitingAsync(id, severity: ids.Length % 6);
        }

        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);
        using var opened = await admin.PostAsync("/api/commissions?device=ACT", null);
        await Eventually.HoldsAsync(async () =>
            (await host.Runtime.ReadModel(DossierReadModels.AwaitingCommission).GetAsync("ACT", ids[^1]))?.GetString("sessionId") == "commission-ACT-20261123",
            "the last dossier of the agenda is on it");
        using var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", Admissible(ids[^1]));

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(ids, await AgendaOf(opened));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("waiting-list", await host.StatusOfAsync(ids[^1]));
        var rows = await host.Runtime.ReadModel(DossierReadModels.AwaitingCommission).QueryAsync(pageSize: 1000);
        Assert.Null(rows.ContinuationToken);
        Assert.Equal(ids.Length - 1, rows.Rows.Count(r => r.GetString("sessionId") == "commission-ACT-20261123"));
        var status = await host.Runtime.GetStatusAsync("commission-ACT-20261123");
        Assert.Equal(("Running", 4), (status!.RuntimeStatus.ToString(), status.HistoryLength)); // opening, two continuations, one decision
    }

    [Fact(Timeout = 120_000)]
    public async Task AClosedDevice_OpensNoSession()
    {
        await using var host = Start(azurite, Monday, new Dictionary<string, string?> { ["Devices:LHSS:OpenFrom"] = "2026-12-01" });
        await host.AwaitingAsync("D-L", device: Device.Lhss);
        using var admin = host.Client(Roles.ArsAdmin);

        using var lhss = await admin.PostAsync("/api/commissions?device=LHSS", null);
        using var lam = await admin.PostAsync("/api/commissions?device=LAM", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, lhss.StatusCode);
        Assert.Contains("Devices:LHSS:OpenFrom", (await ReadAsync(lhss)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lam.StatusCode);
        Assert.Null(await host.Runtime.GetStatusAsync("commission-LHSS-20261123"));
    }

    [Fact(Timeout = 120_000)]
    public async Task TheDevicesSessions_AreListedNewestFirst_WithTheirTally()
    {
        await using var host = Start(azurite, Monday);
        await host.AwaitingAsync("D-A");
        using var admin = host.Client(Roles.ArsAdmin);
        using var commission = host.Client(Roles.Commission);
        using var first = await admin.PostAsync("/api/commissions?device=ACT", null);
        using var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261123/decisions", Admissible("D-A"));
        host.Clock.Advance(TimeSpan.FromDays(1));
        using var second = await admin.PostAsync("/api/commissions?device=ACT", null);

        using var listed = await commission.GetAsync("/api/commissions?device=ACT");
        using var unknown = await commission.GetAsync("/api/commissions/commission-ACT-20200101");
        using var noDevice = await commission.GetAsync("/api/commissions");

        var sessions = (await ReadAsync(listed)).EnumerateArray().ToList();
        Assert.Equal(["commission-ACT-20261124", "commission-ACT-20261123"], sessions.Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal((1, 1, 1, "open"), (sessions[1].GetProperty("agendaSize").GetInt32(), sessions[1].GetProperty("decisions").GetInt32(), sessions[1].GetProperty("admissible").GetInt32(), sessions[1].GetProperty("status").GetString()));
        Assert.Equal(0, sessions[0].GetProperty("agendaSize").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noDevice.StatusCode);
    }
}
