using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Guichet.Domain.Dossiers;
using Guichet.Host.Intake;
using Guichet.Host.Security;
using Guichet.Host.Tests.Intake;
using Guichet.Runtime.Queues;
using Guichet.Testing;
using static Guichet.Host.Tests.EndToEnd.EndToEndSteps;

namespace Guichet.Host.Tests.EndToEnd;

/// <summary>
/// Requests followed from the queue to the waiting list on the real host, over HTTP, time skipped: upstream systems
/// drop five requests on <c>dossiers-intake</c> (one the same person as another, from a second prescriber), the
/// readers read them, one prescriber answers a question and another never does, the ACT commission of the first
/// Tuesday of November sits on its timer, decides, and the waiting list ranks the admissible dossiers, each prescriber
/// seeing its own; every step is told on <c>dossier-events</c>.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class IntakeToWaitingListTests(AzuriteFixture azurite)
{
    // Wednesday 7 October 2026, 12:00 in Paris, the day after October's commission; the first Tuesday of November at
    // 09:00 in Paris (winter time).
    private static readonly DateTimeOffset Start = new(2026, 10, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset November = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);
    private const string SessionId = "commission-ACT-20261103";

    private readonly string _maraude = IntakeMessages.NewPrescriber();
    private readonly string _csapa = IntakeMessages.NewPrescriber();

    [Fact(Timeout = 300_000)]
    public async Task RequestsOnTheQueue_ReadCommissionedAndRanked_EachPrescriberSeeingItsOwn()
    {
        await using var host = ClockedApp.Start(azurite, Start);
        var queue = await IntakeQueueAsync();

        // The same person comes from two prescribers, written differently: one dossier, the earliest date kept.
        await SendAsync(host, queue, Message(_maraude, "ref-a", Person("Diallo", "Aïssatou", "1975-03-14"), "2026-09-01T09:00:00Z"));
        await SendAsync(
            host,
            queue,
            Message(_csapa, "ref-a2", Person("DIALLO", "aissatou", "1975-03-14"), "2026-09-20T09:00:00Z"),
            Message(_maraude, "ref-b", Person("Martin", "Sophie", "1968-07-02"), "2026-09-10T09:00:00Z"),
            Message(_csapa, "ref-c", Person("Nguyen", "Thanh", "1981-11-30"), "2026-09-15T09:00:00Z"),
            Message(_maraude, "ref-d", Person("Benali", "Karim", "1990"), "2026-09-25T09:00:00Z"));

        var a = await DossierOfAsync(host, _maraude, "ref-a");
        Assert.Equal(a, await DossierOfAsync(host, _csapa, "ref-a2"));
        var b = await DossierOfAsync(host, _maraude, "ref-b");
        var c = await DossierOfAsync(host, _csapa, "ref-c");
        var d = await DossierOfAsync(host, _maraude, "ref-d");
        Assert.Equal(4, new[] { a, b, c, d }.Distinct().Count());

        // Both readers find them pending and read them; C and D need information from their prescribers.
        using var doctor = host.Client(Roles.MedicalReader, name: "Dr Morel");
        using var socialWorker = host.Client(Roles.SocialReader, name: "Mme Petit");
        Assert.Subset(new HashSet<string>(await PendingAsync(doctor, "medical")), new HashSet<string> { a, b, c, d });
        Assert.Subset(new HashSet<string>(await PendingAsync(socialWorker, "social")), new HashSet<string> { a, b, c, d });
        await ReadAsync(doctor, a, "medical", new { verdict = "eligible", severity = 5 });
        await ReadAsync(doctor, b, "medical", new { verdict = "eligible", severity = 2 });
        await ReadAsync(doctor, c, "medical", new { verdict = "needs-information", severity = 3, question = "Quel est le traitement en cours ?" });
        await ReadAsync(doctor, d, "medical", new { verdict = "needs-information", severity = 3, question = "Un suivi hospitalier est-il en place ?" });
        foreach (var id in new[] { a, b, c, d })
        {
            await ReadAsync(socialWorker, id, "social", new { verdict = "eligible", vulnerability = 3, housing = "street-or-squat" });
        }

        Assert.Equal("needs-information", await host.StatusOfAsync(c));

        // The CSAPA answers two days later; the doctor reads C again.
        host.Clock.Advance(TimeSpan.FromDays(2));
        using (var answered = await Prescriber(host, _csapa).PostAsJsonAsync($"/api/dossiers/{c}/information", new { answer = "Trithérapie depuis 2019, suivi à Bichat." }))
        {
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }

        await ReadAsync(doctor, c, "medical", new { verdict = "eligible", severity = 3 });
        Assert.Equal(("awaiting-commission", "awaiting-commission", "awaiting-commission", "needs-information"),
            (await host.StatusOfAsync(a), await host.StatusOfAsync(b), await host.StatusOfAsync(c), await host.StatusOfAsync(d)));

        // The first Tuesday of November: the ACT commission sits on its timer, with the three dossiers read in time.
        await host.AdvanceToAsync(November, ["CommissionAct"]);
        using var commission = host.Client(Roles.Commission, name: "Présidente");
        var session = await ClockedApp.ReadAsync(await commission.GetAsync($"/api/commissions/{SessionId}"));
        // The agenda is ranked by the grid: C (severity 3) comes before B (severity 2).
        Assert.Equal([a, c, b], session.GetProperty("agenda").EnumerateArray().Select(e => e.GetProperty("dossierId").GetString()));
        await DecideAsync(commission, new { dossierId = a, verdict = "admissible" });
        await DecideAsync(commission, new { dossierId = b, verdict = "admissible" });
        await DecideAsync(commission, new { dossierId = c, verdict = "not-admissible", code = "needs-hospital-care", justification = "Une hospitalisation en soins de suite est indiquée." });
        using (var closed = await commission.PostAsync($"/api/commissions/{SessionId}/close", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        // The waiting list ranks A (severity 5) before B, each with an explanation that sums to its score.
        using var agency = host.Client(Roles.ArsAdmin);
        var list = await WaitingListAsync(host, agency, 2);
        Assert.Equal([a, b], list.GetProperty("dossiers").EnumerateArray().Select(e => e.GetProperty("dossierId").GetString()));
        foreach (var entry in list.GetProperty("dossiers").EnumerateArray())
        {
            Assert.Equal(entry.GetProperty("score").GetInt32(), entry.GetProperty("explanation").EnumerateArray().Sum(l => l.GetProperty("points").GetInt32()));
        }

        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), list.GetProperty("dossiers")[0].GetProperty("firstRequestAt").GetDateTimeOffset());

        // Each prescriber sees only its own, ranked among all: the CSAPA its request merged into A, ranked first.
        var csapaList = await WaitingListAsync(host, Prescriber(host, _csapa), 2);
        var seen = Assert.Single(csapaList.GetProperty("dossiers").EnumerateArray());
        Assert.Equal((a, 1, "ref-a2"), (seen.GetProperty("dossierId").GetString(), seen.GetProperty("rank").GetInt32(), seen.GetProperty("externalRefs")[0].GetString()));
        var maraudeList = await WaitingListAsync(host, Prescriber(host, _maraude), 2);
        Assert.Equal([(a, 1), (b, 2)], maraudeList.GetProperty("dossiers").EnumerateArray().Select(e => (e.GetProperty("dossierId").GetString(), e.GetProperty("rank").GetInt32())));

        // D's prescriber never answered: reminded seven days before, it is closed at the deadline, thirty days on.
        await Eventually.AdvanceUntilAsync(
            host.Clock, TimeSpan.FromHours(1), async () => await host.StatusOfAsync(d) == "closed", "D closed for want of information", TimeSpan.FromSeconds(60));
        Assert.Equal("not-admissible", await host.StatusOfAsync(c));

        // Every status change went out on dossier-events, to each prescriber by its own reference.
        var events = await DossierEventsAsync(all => all.Any(e => Text(e, "externalRef") == "ref-d" && Text(e, "status") == "closed"));
        Assert.Equal(
            ["received", "under-review", "awaiting-commission", "waiting-list"],
            StatusesOf(events, _maraude, "ref-a").Distinct());
        Assert.Contains("waiting-list", StatusesOf(events, _csapa, "ref-a2"));
        Assert.Equal(["received", "needs-information", "under-review", "awaiting-commission", "not-admissible"], StatusesOf(events, _csapa, "ref-c"));
        var toD = events.Where(e => Text(e, "externalRef") == "ref-d").ToList();
        Assert.Contains(toD, e => Text(e, "status") == "needs-information" && Text(e, "reason")!.StartsWith("Rappel", StringComparison.Ordinal));
        Assert.Equal(("closed", DossierDecider.IncompleteReason), (Text(toD[^1], "status"), Text(toD[^1], "reason")));
    }

    private static JsonObject Person(string lastName, string firstName, string birthDate) => IntakeMessages.Person(lastName, firstName, birthDate, sex: "female");

    private static string Message(string prescriberId, string externalRef, JsonObject person, string submittedAt) =>
        IntakeMessages.Request(prescriberId, externalRef, person, submittedAt).ToJsonString();

    private async Task<QueueClient> IntakeQueueAsync()
    {
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(IntakeHandler.QueueName);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    /// <summary>Drops messages as an upstream system does, and lets time pass until the host has taken them all.</summary>
    private static async Task SendAsync(ClockedApp host, QueueClient queue, params string[] messages)
    {
        foreach (var message in messages)
        {
            await queue.SendMessageAsync(message);
        }

        // The listener's idle back-off runs on the host's clock: it moves a second at a time while the messages wait.
        await Eventually.AdvanceUntilAsync(
            host.Clock, TimeSpan.FromSeconds(1), async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "every intake message handled");
    }

    private static async Task<List<string>> PendingAsync(HttpClient reader, string kind)
    {
        using var response = await reader.GetAsync($"/api/readings/pending?kind={kind}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ClockedApp.ReadAsync(response)).EnumerateArray().Select(r => r.GetProperty("dossierId").GetString()!)];
    }

    private static async Task DecideAsync(HttpClient commission, object decision)
    {
        using var response = await commission.PostAsJsonAsync($"/api/commissions/{SessionId}/decisions", decision);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The ACT waiting list once its read model holds <paramref name="total"/> dossiers (rows are written after the step).</summary>
    private static async Task<JsonElement> WaitingListAsync(ClockedApp host, HttpClient client, int total)
    {
        JsonElement list = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/waiting-list?device=ACT");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} at {host.Clock.GetUtcNow():O}");
                list = await ClockedApp.ReadAsync(response);
                return list.GetProperty("total").GetInt32() == total;
            },
            $"{total} dossiers on the ACT waiting list");
        return list;
    }

    /// <summary>Every message on <c>dossier-events</c>, in the order of their instants, once <paramref name="until"/> holds of them (they leave after the step commits).</summary>
    private async Task<List<JsonElement>> DossierEventsAsync(Func<List<JsonElement>, bool> until)
    {
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(DossierStatusChanged.Queue);
        var events = new List<JsonElement>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
                events.AddRange(received.Select(m => JsonDocument.Parse(MessageText.Decode(m.MessageText)).RootElement.Clone()));
                return received.Length == 0 && until(events);
            },
            "the awaited messages on dossier-events");
        return [.. events.OrderBy(e => e.GetProperty("at").GetDateTimeOffset())];
    }

    private static IEnumerable<string?> StatusesOf(List<JsonElement> events, string prescriberId, string externalRef) =>
        events.Where(e => Text(e, "prescriberId") == prescriberId && Text(e, "externalRef") == externalRef).Select(e => Text(e, "status"));

    private static string? Text(JsonElement message, string property) => IntakeProbe.Text(message, property);
}
