using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guichet.Runtime.Queues;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>The dead letters of the host's queue triggers, listed and replayed through the API.</summary>
[Collection(HostGroup.Name)]
public sealed class DeadLettersApiTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact(Timeout = 60_000)]
    public async Task MalformedMessage_ListedWithReasonButNotBody_ThenReplayed()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(WorkflowEventsHandler.QueueName);
        await queue.CreateIfNotExistsAsync();
        var marker = "pas-du-json-" + Guid.NewGuid().ToString("N")[..8];
        await queue.SendMessageAsync(marker);

        List<JsonElement> letters = [];
        await Eventually.HoldsAsync(async () =>
        {
            letters = (await admin.GetFromJsonAsync<List<JsonElement>>($"/api/dead-letters/{WorkflowEventsHandler.QueueName}"))!;
            return letters.Any(l => l.GetProperty("bodyLength").GetInt32() == marker.Length);
        }, "the malformed message listed as a dead letter");

        var letter = letters.First(l => l.GetProperty("bodyLength").GetInt32() == marker.Length);
        Assert.Equal(WorkflowEventsHandler.QueueName, letter.GetProperty("sourceQueue").GetString());
        Assert.False(string.IsNullOrWhiteSpace(letter.GetProperty("reason").GetString()));
        Assert.DoesNotContain(marker, letter.GetRawText(), StringComparison.Ordinal);

        using var replay = await admin.PostAsync($"/api/dead-letters/{WorkflowEventsHandler.QueueName}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32() >= 1);
    }

    [Fact(Timeout = 30_000)]
    public async Task QueueWithoutTrigger_Is404Problem()
    {
        var app = await shared.GetAsync(azurite);
        using var admin = app.Admin();

        using var response = await admin.GetAsync("/api/dead-letters/some-other-queue");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
