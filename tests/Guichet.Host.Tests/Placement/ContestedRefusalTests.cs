using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Host.Security;
using Guichet.Runtime.Queues;
using Guichet.Testing;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// Contested refusals on the real host, over HTTP (issue 9, outcomes): a structure refuses a candidate; a prescriber of
/// another organisation cannot contest it (404, as for a dossier that does not exist); its own prescriber contests it,
/// once; a structure cannot review it; the ARS lists it pending, overturns it: the candidate stays on the list with
/// their seniority, the structure hears it on <c>placement-alerts</c> and the prescriber on <c>dossier-events</c>.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class ContestedRefusalTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string Dossier = "R-1";
    private const string Prescriber = "maraude-75";
    private const string Reason = "Le couple a trouvé une solution pour l'animal : le refus ne tient plus.";

    [Fact(Timeout = 300_000)]
    public async Task ARefusal_ContestedByItsPrescriber_IsOverturnedByTheArs_AndTheCandidateKeepsTheirSeniority()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var candidacy = await RefusedAsync(host);
        using var agency = host.Client(Roles.ArsAdmin);
        var firstRequestAt = await FirstRequestAtAsync(agency);
        var contest = $"/api/dossiers/{Dossier}/refusals/{candidacy}/contest";
        var review = $"/api/dossiers/{Dossier}/refusals/{candidacy}/review";

        // Another organisation's prescriber is answered as for a dossier that does not exist.
        using (var stranger = host.Client(Roles.Prescriber, org: "samu-social-92"))
        {
            using var existing = await stranger.PostAsJsonAsync(contest, new { reason = Reason });
            using var missing = await stranger.PostAsJsonAsync($"/api/dossiers/R-404/refusals/v~R-404/contest", new { reason = Reason });
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (existing.StatusCode, missing.StatusCode));
            Assert.Equal(
                Detail(await ClockedApp.ReadAsync(missing)).Replace("R-404", Dossier, StringComparison.Ordinal),
                Detail(await ClockedApp.ReadAsync(existing)));
        }

        using var prescriber = host.Client(Roles.Prescriber, org: Prescriber);
        using (var own = await prescriber.GetAsync($"/api/dossiers/{Dossier}"))
        {
            var shown = Assert.Single((await ClockedApp.ReadAsync(own)).GetProperty("refusals").EnumerateArray());
            Assert.Equal((candidacy, "household-not-compatible"), (Text(shown, "candidacyId"), Text(shown, "code")));
        }

        using (var blank = await prescriber.PostAsJsonAsync(contest, new { reason = "  " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        }

        // The contest, sent twice, is recorded once; a different one is refused with the rule's reason.
        for (var i = 0; i < 2; i++)
        {
            using var contested = await prescriber.PostAsJsonAsync(contest, new { reason = Reason });
            Assert.True(contested.StatusCode == HttpStatusCode.Accepted, await contested.Content.ReadAsStringAsync());
        }

        using (var other = await prescriber.PostAsJsonAsync(contest, new { reason = "Un autre motif." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
            Assert.Contains("déjà été contesté", Detail(await ClockedApp.ReadAsync(other)), StringComparison.Ordinal);
        }

        // The list is a read model, written after the dossier's step.
        await Eventually.HoldsAsync(async () => (await ListAsync(agency, "pending")).Any(r => Text(r, "candidacyId") == candidacy), "the contest on the pending list");
        var pending = Assert.Single(await ListAsync(agency, "pending"), r => Text(r, "candidacyId") == candidacy);
        Assert.Equal((Reason, Prescriber, "household-not-compatible"), (Text(pending, "contestReason"), Text(pending, "contestedBy"), Text(pending, "code")));

        // Neither a structure nor a prescriber reviews or reads the list; a review needs a verdict.
        using (var structure = host.Client(Roles.Structure, org: TraitDUnion))
        using (var byStructure = await structure.PostAsJsonAsync(review, new { verdict = "uphold", reason = "Notre refus est fondé." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byStructure.StatusCode);
        }

        using (var list = await prescriber.GetAsync("/api/refusals/contested"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }

        using (var noVerdict = await agency.PostAsJsonAsync(review, new { verdict = "maybe", reason = "Motif." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noVerdict.StatusCode);
        }

        using (var badStatus = await agency.GetAsync("/api/refusals/contested?status=closed"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        }

        // Overturned: the refusal leaves the pending list for the overturned one; the candidate waits with their seniority.
        using (var overturned = await agency.PostAsJsonAsync(review, new { verdict = "overturn", reason = "Motif contraire au projet d'établissement publié." }))
        {
            Assert.True(overturned.StatusCode == HttpStatusCode.Accepted, await overturned.Content.ReadAsStringAsync());
        }

        await Eventually.HoldsAsync(async () => (await ListAsync(agency, "overturned")).Any(r => Text(r, "candidacyId") == candidacy), "the refusal overturned on the list");
        await Eventually.HoldsAsync(async () => (await ListAsync(agency, "pending")).All(r => Text(r, "candidacyId") != candidacy), "the refusal gone from the pending list");
        Assert.Equal("waiting-list", await host.StatusOfAsync(Dossier));
        Assert.Equal(firstRequestAt, await FirstRequestAtAsync(agency));

        var alert = Assert.Single(await DrainAsync(PlacementAlert.Queue, e => Text(e, "candidacyId") == candidacy && Text(e, "kind") == PlacementAlert.RefusalOverturned));
        Assert.Equal((PlacementAlert.Structure, TraitDUnion), (Text(alert, "recipient"), Text(alert, "structureId")));
        var told = await DrainAsync(DossierStatusChanged.Queue, e => Text(e, "dossierId") == Dossier && Text(e, "reason")?.Contains("annulé par l'ARS", StringComparison.Ordinal) == true);
        Assert.Equal((Prescriber, "waiting-list"), (Text(Assert.Single(told), "prescriberId"), Text(told[0], "status")));
    }

    [Fact(Timeout = 300_000)]
    public async Task ARefusal_ContestedByTheGuichet_IsUpheld_AndAClosedDossierTakesNoMoreContest()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var candidacy = await RefusedAsync(host);
        using var agency = host.Client(Roles.ArsAdmin);
        var refusal = $"/api/dossiers/{Dossier}/refusals/{candidacy}";

        using (var contested = await agency.PostAsJsonAsync($"{refusal}/contest", new { reason = Reason }))
        {
            Assert.True(contested.StatusCode == HttpStatusCode.Accepted, await contested.Content.ReadAsStringAsync());
        }

        using (var upheld = await agency.PostAsJsonAsync($"{refusal}/review", new { verdict = "uphold", reason = "Le logement ne peut accueillir l'animal." }))
        {
            Assert.True(upheld.StatusCode == HttpStatusCode.Accepted, await upheld.Content.ReadAsStringAsync());
        }

        await Eventually.HoldsAsync(async () => (await ListAsync(agency, "upheld")).Any(r => Text(r, "candidacyId") == candidacy), "the refusal upheld on the list");
        var row = (await ListAsync(agency, "upheld")).Single(r => Text(r, "candidacyId") == candidacy);
        Assert.Equal((ContestedRefusalRow.Guichet, "Le logement ne peut accueillir l'animal."), (Text(row, "contestedBy"), Text(row, "reviewReason")));
        Assert.Equal("waiting-list", await host.StatusOfAsync(Dossier));

        // Once the dossier has ended, it takes no contest nor review any more; the upheld one stays on the list.
        using (var withdrawn = await agency.PostAsJsonAsync($"/api/dossiers/{Dossier}/withdraw", new { reason = "La personne a trouvé un logement." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        }

        using (var late = await agency.PostAsJsonAsync($"{refusal}/review", new { verdict = "overturn", reason = "Trop tard." }))
        {
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        }

        Assert.Contains(await ListAsync(agency, "upheld"), r => Text(r, "candidacyId") == candidacy);
    }

    /// <summary>A dossier on the list, proposed for a place of Le Trait d'Union and refused; back on the list. The candidacy's id.</summary>
    private static async Task<string> RefusedAsync(ClockedApp host)
    {
        await host.WaitingAsync(Dossier, severity: 5);
        var vacancy = await host.DeclareAsync(TraitDUnion);
        await host.UntilCandidaciesAsync(TraitDUnion, vacancy, 1);
        var candidacy = $"{vacancy}~{Dossier}";
        using (var refused = await host.DecideAsync(TraitDUnion, candidacy, new { decision = "refuse", code = "household-not-compatible", justification = "Pas de place pour l'animal." }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        // The dossier hears of the refusal after the vacancy's step: it keeps it, back on the list.
        using var agency = host.Client(Roles.ArsAdmin);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await agency.GetAsync($"/api/dossiers/{Dossier}");
                return (await ClockedApp.ReadAsync(response)).TryGetProperty("refusals", out _);
            },
            "the refusal kept by the dossier");
        Assert.Equal("waiting-list", await host.StatusOfAsync(Dossier));
        return candidacy;
    }

    private static async Task<DateTimeOffset> FirstRequestAtAsync(HttpClient agency)
    {
        using var response = await agency.GetAsync($"/api/dossiers/{Dossier}");
        return (await ClockedApp.ReadAsync(response)).GetProperty("firstRequestAt").GetDateTimeOffset();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient agency, string status)
    {
        using var response = await agency.GetAsync($"/api/refusals/contested?status={status}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ClockedApp.ReadAsync(response)).EnumerateArray()];
    }

    /// <summary>The messages of a queue that <paramref name="mine"/> keeps, once at least one arrived and the queue is drained.</summary>
    private async Task<List<JsonElement>> DrainAsync(string queueName, Func<JsonElement, bool> mine)
    {
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(queueName);
        var received = new List<JsonElement>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
                received.AddRange(batch.Select(m => JsonDocument.Parse(MessageText.Decode(m.MessageText)).RootElement.Clone()).Where(mine));
                return batch.Length == 0 && received.Count > 0;
            },
            $"the awaited messages on {queueName}");
        return received;
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
