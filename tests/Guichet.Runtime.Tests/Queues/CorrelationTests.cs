using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Guichet.Runtime.Queues;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests.Queues;

[Collection(AzuriteGroup.Name)]
public sealed class CorrelationTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task CorrelationId_FromQueueMessage_ReachesEveryEffectItCauses()
    {
        var correlation = "corr-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RuntimeTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var runtime = await RuntimeHarness.CreateAsync(azurite);
        var outbound = UniqueNames.Queue("events");
        await runtime.Runtime.StartAsync(TypeName, "vacancy-9");
        await runtime.Runtime.StartAsync(TypeName, "dossier-9", Json(new { queue = outbound }));
        await using var h = new ListenerHarness(azurite, new QueueTriggerOptions { MinPollingInterval = TimeSpan.FromMilliseconds(20), MaxPollingInterval = TimeSpan.FromMilliseconds(200) });
        await h.StartAsync(new WorkflowEventsHandler(runtime.Runtime).HandleAsync);

        await h.Queue.SendMessageAsync(JsonSerializer.Serialize(new
        {
            instanceId = "vacancy-9", eventName = "forward", eventId = "f-1", correlationId = correlation,
            payload = new { target = "dossier-9", amount = 3 },
        }));
        await Eventually.HoldsAsync(async () => (await runtime.Runtime.GetStatusAsync("dossier-9"))!.HistoryLength == 2, "the forwarded event applied");

        Assert.Equal(correlation, (await runtime.Runtime.GetWholeHistoryAsync("vacancy-9"))![^1].CorrelationId);
        Assert.Equal(correlation, (await runtime.Runtime.GetWholeHistoryAsync("dossier-9"))![^1].CorrelationId);
        var message = Assert.Single((await runtime.Runtime.Storage.Queues.GetQueueClient(outbound).ReceiveMessagesAsync(10)).Value);
        var body = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText))).RootElement;
        Assert.Equal(correlation, body.GetProperty("correlationId").GetString());
        List<string> Tagged() => spans.Where(s => (string?)s.GetTagItem(RuntimeTelemetry.CorrelationTag) == correlation).Select(s => s.DisplayName).ToList();

        // The queue message's span ends once the message is settled, a moment after its effects.
        await Eventually.HoldsAsync(() => Task.FromResult(Tagged().Contains($"queue {h.QueueName}")), "the queue message's span ended");
        var tagged = Tagged();
        Assert.Contains("External forward", tagged);
        Assert.Contains("Instance add", tagged);
    }
}
