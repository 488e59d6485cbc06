using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Host.Intake;
using Guichet.Host.Security;
using Guichet.Host.Tests.Intake;
using Guichet.Host.Tests.Placement;
using Guichet.Runtime.Queues;
using Guichet.Testing;
using static Guichet.Host.Tests.EndToEnd.EndToEndSteps;

namespace Guichet.Host.Tests.EndToEnd;

/// <summary>
/// Requests followed from the queue to an admission on the real host, over HTTP, time skipped: four requests on
/// <c>dossiers-intake</c>, read, declared admissible by the ACT commission of November on its timer; Le Trait d'Union
/// declares a place; the matching proposes the first three in rank order; one is refused with a justification (the place
/// is topped up with the fourth), one declined by the person (who keeps rank), one left unanswered until it is overdue at
/// day 15 (alerted once), and the fourth admitted: the place is filled, the overdue one ends as "place filled by another
/// candidate", the admitted dossier leaves the list. Every step is told on <c>dossier-events</c>.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class IntakeToAdmissionTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 10, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset November = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);
    private const string SessionId = "commission-ACT-20261103";
    private const string Structure = "act-92-trait-d-union";

    private readonly string _maraude = IntakeMessages.NewPrescriber();

    [Fact(Timeout = 400_000)]
    public async Task RequestsOnTheQueue_ToAPlace_RefusedDeclinedOverdueAndAdmitted()
    {
        await using var host = ClockedApp.Start(azurite, Start);
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(IntakeHandler.QueueName);
        await queue.CreateIfNotExistsAsync();
        foreach (var (reference, name) in new[] { ("ref-a", "Arnaud"), ("ref-b", "Bernard"), ("ref-c", "Camara"), ("ref-d", "Dupont") })
        {
            await queue.SendMessageAsync(IntakeMessages.Request(_maraude, reference, IntakeMessages.Person(name, "Alex", "1970-01-01"), "2026-09-01T09:00:00Z").ToJsonString());
        }

        await Eventually.AdvanceUntilAsync(host.Clock, TimeSpan.FromSeconds(1), async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "intake handled");
        var (a, b, c, d) = (await DossierOfAsync(host, _maraude, "ref-a"), await DossierOfAsync(host, _maraude, "ref-b"), await DossierOfAsync(host, _maraude, "ref-c"), await DossierOfAsync(host, _maraude, "ref-d"));

        // Read (severities rank them A, B, C, D), then declared admissible by November's commission.
        using var doctor = host.Client(Roles.MedicalReader, name: "Dr Morel");
        using var socialWorker = host.Client(Roles.SocialReader, name: "Mme Petit");
        foreach (var (id, severity) in new[] { (a, 5), (b, 4), (c, 3), (d, 2) })
        {
            await ReadAsync(doctor, id, "medical", new { verdict = "eligible", severity });
            await ReadAsync(socialWorker, id, "social", new { verdict = "eligible", vulnerability = 2, housing = "street-or-squat" });
        }

        await host.AdvanceToAsync(November, ["CommissionAct"]);
        using var commission = host.Client(Roles.Commission, name: "Présidente");
        foreach (var id in new[] { a, b, c, d })
        {
            using var decided = await commission.PostAsJsonAsync($"/api/commissions/{SessionId}/decisions", new { dossierId = id, verdict = "admissible" });
            Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        }

        using (var closed = await commission.PostAsync($"/api/commissions/{SessionId}/close", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        await Eventually.HoldsAsync(async () => await host.StatusOfAsync(d) == "waiting-list", "D on the waiting list");

        // Le Trait d'Union declares a place: the first three in rank order are proposed.
        var vacancy = await host.DeclareAsync(Structure, availableFrom: "2026-11-15");
        await host.UntilCandidaciesAsync(Structure, vacancy, 3);
        Assert.Equal([a, b, c], (await host.CandidaciesAsync(Structure, vacancy)).Select(x => x.Dossier));

        // A refused with a justification (the place is topped up with D); C declined by the person the next day.
        await AnswerAsync(host, $"{vacancy}~{a}", new { decision = "refuse", code = "household-not-compatible", justification = "Logement trop petit pour le couple." });
        await host.UntilCandidaciesAsync(Structure, vacancy, 4);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await AnswerAsync(host, $"{vacancy}~{c}", new { decision = "refuse", code = "person-declined", justification = "La personne souhaite rester à Paris." });

        // B is never answered: overdue at day 15, on the ARS list.
        using var agency = host.Client(Roles.ArsAdmin);
        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromHours(6),
            async () =>
            {
                using var overdue = await agency.GetAsync("/api/candidacies?status=overdue");
                return (await ClockedApp.ReadAsync(overdue)).EnumerateArray().Any(x => x.GetProperty("candidacyId").GetString() == $"{vacancy}~{b}");
            },
            "B overdue",
            TimeSpan.FromSeconds(120));

        // D admitted (its own deadline not reached): the place is filled.
        await AnswerAsync(host, $"{vacancy}~{d}", new { decision = "admit", entryDate = "2026-11-20" });
        Assert.Equal(
            [(a, "refused"), (b, "place-filled-by-another-candidate"), (c, "refused"), (d, "admitted")],
            await host.CandidaciesAsync(Structure, vacancy));
        await Eventually.HoldsAsync(async () => await host.StatusOfAsync(d) == "admitted", "D admitted");
        await Eventually.HoldsAsync(async () => await host.StatusOfAsync(b) == "waiting-list", "B back on the list");
        // The waiting list is a read model, written after the dossier's step: D leaves it a moment after its state says admitted.
        await Eventually.HoldsAsync(
            async () =>
            {
                using var list = await agency.GetAsync("/api/waiting-list?device=ACT");
                var ids = (await ClockedApp.ReadAsync(list)).GetProperty("dossiers").EnumerateArray().Select(x => x.GetProperty("dossierId").GetString()).ToList();
                return ids.SequenceEqual([a, b, c]);
            },
            "A, B and C waiting, D gone from the list");

        // On dossier-events: B's overdue once; A, C back on the list; D admitted, with its structure and date.
        var events = await DossierEventsAsync(all => all.Any(e => Text(e, "externalRef") == "ref-d" && Text(e, "status") == "admitted"));
        Assert.Single(events, e => Text(e, "externalRef") == "ref-b" && Text(e, "reason")?.Contains("délai dépassé", StringComparison.Ordinal) == true);
        Assert.Equal(["proposed", "waiting-list"], StatusesAfterList(events, "ref-a"));
        Assert.Contains("sans pénalité", events.Last(e => Text(e, "externalRef") == "ref-c").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var admitted = events.Last(e => Text(e, "externalRef") == "ref-d");
        Assert.Equal("admitted", Text(admitted, "status"));
        Assert.Contains("Le Trait d'Union, entrée le 20/11/2026", Text(admitted, "reason"), StringComparison.Ordinal);

        // On placement-alerts: B's overdue told once to the structure and once to the ARS.
        var alerts = await AlertsAsync($"{vacancy}~{b}");
        Assert.Equal(
            [(PlacementAlert.Overdue, PlacementAlert.Ars), (PlacementAlert.Overdue, PlacementAlert.Structure), (PlacementAlert.Reminder, PlacementAlert.Structure)],
            alerts.Select(x => (Text(x, "kind")!, Text(x, "recipient")!)).Order());
    }

    private static async Task AnswerAsync(ClockedApp host, string candidacyId, object answer)
    {
        using var response = await host.DecideAsync(Structure, candidacyId, answer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{candidacyId}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The statuses told for a request from its first "proposed" on.</summary>
    private List<string?> StatusesAfterList(List<JsonElement> events, string externalRef) =>
        [.. events.Where(e => Text(e, "prescriberId") == _maraude && Text(e, "externalRef") == externalRef).Select(e => Text(e, "status")).SkipWhile(s => s != "proposed")];

    private Task<List<JsonElement>> DossierEventsAsync(Func<List<JsonElement>, bool> until) =>
        DrainAsync(DossierStatusChanged.Queue, all => until([.. all.Where(e => Text(e, "prescriberId") == _maraude)]), e => Text(e, "prescriberId") == _maraude);

    private Task<List<JsonElement>> AlertsAsync(string candidacyId) =>
        DrainAsync(PlacementAlert.Queue, all => all.Count(e => Text(e, "kind") == PlacementAlert.Overdue) >= 2, e => Text(e, "candidacyId") == candidacyId);

    /// <summary>Every message of a queue that <paramref name="mine"/> keeps, in the order of their instants, once <paramref name="until"/> holds and the queue is empty.</summary>
    private async Task<List<JsonElement>> DrainAsync(string queueName, Func<List<JsonElement>, bool> until, Func<JsonElement, bool> mine)
    {
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(queueName);
        var received = new List<JsonElement>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
                received.AddRange(batch.Select(m => JsonDocument.Parse(MessageText.Decode(m.MessageText)).RootElement.Clone()).Where(mine));
                return batch.Length == 0 && until(received);
            },
            $"the awaited messages on {queueName}");
        return [.. received.OrderBy(e => e.TryGetProperty("at", out var at) ? at.GetDateTimeOffset() : DateTimeOffset.MinValue)];
    }

    private static string? Text(JsonElement message, string property) => IntakeProbe.Text(message, property);
}
