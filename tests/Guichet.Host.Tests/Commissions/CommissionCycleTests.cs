using System.Net;
using System.Net.Http.Json;
using Guichet.Domain;
using Guichet.Domain.Commissions;
using Guichet.Host.Commissions;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Host.Tests.ClockedApp;

namespace Guichet.Host.Tests.Commissions;

/// <summary>
/// The commission cycles, time-skipped on the real host's timer triggers: ACT on the first Tuesday of each month at
/// 09:00 in Paris, across the change to winter time, carrying undecided dossiers from one month to the next; LHSS
/// every day at 09:00 once open; LAM, closed, never.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class CommissionCycleTests(AzuriteFixture azurite)
{
    // Monday 5 October 2026, 12:00 in Paris (summer time, UTC+2).
    private static readonly DateTimeOffset Start = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);

    // First Tuesdays at 09:00 in Paris: 6 October in summer time (07:00 UTC); 3 November and 1 December in winter time
    // (08:00 UTC), the clocks having gone back on 25 October.
    private static readonly DateTimeOffset October = new(2026, 10, 6, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset November = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] AllCycles = ["CommissionAct", "CommissionLhss", "CommissionLam"];
    private static readonly string[] DailyCycles = ["CommissionLhss", "CommissionLam"];

    private static object Admissible(string dossierId) =>
        new { dossierId, verdict = "admissible", code = (string?)null, justification = (string?)null, priorityOverride = (string?)null };

    [Fact(Timeout = 300_000)]
    public async Task MonthlyActCycles_AcrossTheChangeToWinterTime_AndADailyLhssCycleOnceOpen()
    {
        await using var host = Start(azurite, Start, new Dictionary<string, string?> { ["Devices:LHSS:OpenFrom"] = "2026-10-20" });
        using var commission = host.Client(Roles.Commission);
        await host.AwaitingAsync("D-OCT-A", severity: 5);
        await host.AwaitingAsync("D-OCT-B", severity: 1);

        // October: the ACT session sits; LHSS is not open yet, LAM never is.
        await host.AdvanceToAsync(October, AllCycles);
        var october = await SessionAsync(host, commission, "commission-ACT-20261006");
        Assert.Equal(October, october.GetProperty("sittingAt").GetDateTimeOffset());
        Assert.Equal(["D-OCT-A", "D-OCT-B"], Agenda(october));
        Assert.Null(await host.Runtime.GetStatusAsync("commission-LHSS-20261006"));
        using (var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261006/decisions", Admissible("D-OCT-A")))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        using (var closed = await commission.PostAsync("/api/commissions/commission-ACT-20261006/close", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        // 21 October: the daily cycles wake for the 7th (late, LHSS still closed then) and sleep until the 22nd.
        await host.AdvanceToAsync(new(2026, 10, 21, 10, 0, 0, TimeSpan.Zero), DailyCycles, new(2026, 10, 7, 7, 0, 0, TimeSpan.Zero));
        await host.AwaitingAsync("D-LHSS", device: Device.Lhss);
        await host.AwaitingAsync("D-NOV", severity: 4);

        var lhssDay = new DateTimeOffset(2026, 10, 22, 7, 0, 0, TimeSpan.Zero);
        await host.AdvanceToAsync(lhssDay, DailyCycles);
        var lhss = await SessionAsync(host, commission, "commission-LHSS-20261022");
        Assert.Equal(["D-LHSS"], Agenda(lhss));
        Assert.Equal(lhssDay, lhss.GetProperty("cutOff").GetDateTimeOffset());
        Assert.Null(await host.Runtime.GetStatusAsync("commission-ACT-20261022"));

        // November, in winter time: 09:00 in Paris is 08:00 UTC. The session carries October's undecided dossier.
        await host.AdvanceToAsync(November, ["CommissionAct"]);
        var november = await SessionAsync(host, commission, "commission-ACT-20261103");
        Assert.Equal(November, november.GetProperty("sittingAt").GetDateTimeOffset());
        Assert.Equal("commission-ACT-20261006", november.GetProperty("carriedFrom").GetString());
        Assert.Equal(["D-NOV", "D-OCT-B"], Agenda(november));

        // A second firing the same day starts nothing, whether the same occurrence or another one that day.
        var trigger = host.App.Services.GetServices<TimerTrigger>().Single(t => t.Name == "CommissionAct");
        Assert.Equal(TimerFireResult.AlreadyFired, await trigger.FireAsync(November, isCatchUp: true));
        var sameDay = await host.App.Services.GetRequiredService<SessionOpener>().OpenAsync(Device.Act, November.AddHours(2), evenIfEmpty: false, new RequestContext("test"), CancellationToken.None);
        Assert.Equal((SessionOpeningResult.AlreadyOpened, "commission-ACT-20261103"), (sameDay.Result, sameDay.SessionId));

        using (var decided = await commission.PostAsJsonAsync("/api/commissions/commission-ACT-20261103/decisions", Admissible("D-NOV")))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        using (var closed = await commission.PostAsync("/api/commissions/commission-ACT-20261103/close", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        // December: the dossier still undecided comes a third time.
        await host.AdvanceToAsync(December, ["CommissionAct"]);
        var december = await SessionAsync(host, commission, "commission-ACT-20261201");
        Assert.Equal(("commission-ACT-20261103", December), (december.GetProperty("carriedFrom").GetString(), december.GetProperty("sittingAt").GetDateTimeOffset()));
        Assert.Equal(["D-OCT-B"], Agenda(december));

        var sessions = await host.Runtime.QueryInstancesAsync(new InstanceQuery(WorkflowType: CommissionSessionDecider.TypeName));
        Assert.Equal(
            ["commission-ACT-20261006", "commission-ACT-20261103", "commission-ACT-20261201", "commission-LHSS-20261022"],
            sessions.Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        Assert.Equal("waiting-list", await host.StatusOfAsync("D-OCT-A"));
        Assert.Equal("waiting-list", await host.StatusOfAsync("D-NOV"));
    }

    private static async Task<System.Text.Json.JsonElement> SessionAsync(ClockedApp host, HttpClient client, string sessionId)
    {
        using var response = await client.GetAsync($"/api/commissions/{sessionId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sessionId}: {response.StatusCode} {await response.Content.ReadAsStringAsync()} at {host.Clock.GetUtcNow():O}");
        return await ReadAsync(response);
    }

    private static List<string?> Agenda(System.Text.Json.JsonElement session) =>
        [.. session.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("dossierId").GetString())];
}
