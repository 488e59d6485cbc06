using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Host.Security;
using Guichet.Host.Tests.Placement;
using Guichet.Runtime.Queues;
using Guichet.Testing;

namespace Guichet.Host.Tests.Stays;

/// <summary>What the stay tests do on a <see cref="ClockedApp"/>: a dossier admitted and confirmed, its stay listed, exits and renewals sent.</summary>
internal static class StaysHost
{
    /// <summary>
    /// Puts <paramref name="dossiers"/> on the list (the first ranked first), declares a place of <paramref name="structureId"/>
    /// free today, admits the first one entering today, and waits for its stay; the stay's row and the vacancy's id.
    /// </summary>
    public static async Task<(JsonElement Stay, string VacancyId)> AdmittedAsync(this ClockedApp host, string structureId, Domain.Device device, params string[] dossiers)
    {
        for (var i = 0; i < dossiers.Length; i++)
        {
            await host.WaitingAsync(dossiers[i], 5 - i, device: device);
        }

        var today = host.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var vacancy = await host.DeclareAsync(structureId, today);
        await host.UntilCandidaciesAsync(structureId, vacancy, dossiers.Length);
        using (var admitted = await host.DecideAsync(structureId, $"{vacancy}~{dossiers[0]}", new { decision = "admit", entryDate = today }))
        {
            Assert.True(admitted.IsSuccessStatusCode, await admitted.Content.ReadAsStringAsync());
        }

        await host.UntilStatusAsync(dossiers[0], "admitted");
        JsonElement stay = default;
        await Eventually.AdvanceUntilAsync(
            host.Clock,
            TimeSpan.FromSeconds(1),
            async () => (await host.StaysAsync(structureId)).FirstOrDefault(s => s.GetProperty("vacancyId").GetString() == vacancy) is { ValueKind: JsonValueKind.Object } found && (stay = found).ValueKind == JsonValueKind.Object,
            $"the stay of {dossiers[0]} listed",
            TimeSpan.FromSeconds(60));
        return (stay, vacancy);
    }

    /// <summary>The structure's stays, as its own user lists them.</summary>
    public static async Task<List<JsonElement>> StaysAsync(this ClockedApp host, string structureId, string? status = null)
    {
        using var structure = host.Client(Roles.Structure, org: structureId);
        using var response = await structure.GetAsync($"/api/structures/{structureId}/stays{(status is null ? "" : "?status=" + status)}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await ClockedApp.ReadAsync(response)).EnumerateArray()];
    }

    /// <summary>A POST of <paramref name="body"/> to the stay's <paramref name="action"/> (exit, renewals) by <paramref name="role"/> of <paramref name="org"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this ClockedApp host, string stayId, string action, object body, string role = Roles.Structure, string? org = null)
    {
        using var client = host.Client(role, org: org, name: "Directrice");
        return await client.PostAsJsonAsync($"/api/stays/{stayId}/{action}", body);
    }

    /// <summary>The messages of <paramref name="queueName"/> about <paramref name="stayId"/>, once <paramref name="count"/> are there and the queue is drained.</summary>
    public static async Task<List<JsonElement>> AlertsAsync(AzuriteFixture azurite, string queueName, string stayId, int count)
    {
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(queueName);
        var received = new List<JsonElement>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
                received.AddRange(batch.Select(m => JsonDocument.Parse(MessageText.Decode(m.MessageText)).RootElement.Clone())
                    .Where(e => e.TryGetProperty("stayId", out var id) && id.GetString() == stayId));
                return batch.Length == 0 && received.Count >= count;
            },
            $"{count} messages about {stayId} on {queueName}");
        return received;
    }
}
