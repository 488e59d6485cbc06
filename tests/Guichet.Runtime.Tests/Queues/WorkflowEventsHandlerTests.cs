using Guichet.Runtime.Queues;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests.Queues;

[Collection(AzuriteGroup.Name)]
public sealed class WorkflowEventsHandlerTests(AzuriteFixture azurite)
{
    private static QueueMessageContext Message(string text) => new("workflow-events", "msg-1", text, 1, null, "msg-1");

    [Fact(Timeout = 30_000)]
    public async Task HandleAsync_EventMessage_RaisedOnInstanceWithActorAndCorrelation()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "dossier-7");
        var handler = new WorkflowEventsHandler(h.Runtime);

        await handler.HandleAsync(Message("""{"instanceId":"dossier-7","eventName":"add","eventId":"e-1","payload":{"amount":4},"actor":"connector","correlationId":"corr-9"}"""), CancellationToken.None);
        await handler.HandleAsync(Message("""{"instanceId":"dossier-7","eventName":"add","eventId":"e-1","payload":{"amount":4}}"""), CancellationToken.None);

        var status = await h.Runtime.GetStatusAsync("dossier-7", withData: true);
        Assert.Equal(4, status!.State!.Value.GetProperty("total").GetInt32());
        var entry = (await h.Runtime.GetWholeHistoryAsync("dossier-7"))![^1];
        Assert.Equal("connector", entry.Actor);
        Assert.Equal("corr-9", entry.CorrelationId);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("not json at all", "not the expected JSON object")]
    [InlineData("""{"instanceId":"x","eventName":"add"}""", "eventId missing")]
    [InlineData("""{"instanceId":"bad/id","eventName":"add","eventId":"e"}""", "refused")]
    [InlineData("""{"instanceId":"x","eventName":"add","eventId":"e","correlationId":"with spaces"}""", "correlationId must be")]
    [InlineData("""{"instanceId":"x","eventName":"add","eventId":"e","actor":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "actor exceeds 200")]
    public async Task HandleAsync_MalformedMessage_PoisonMessageExceptionWithReason(string text, string reason)
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        var handler = new WorkflowEventsHandler(h.Runtime);

        var error = await Assert.ThrowsAsync<PoisonMessageException>(() => handler.HandleAsync(Message(text), CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{"instanceId":"dossier-8","eventName":"add","eventId":"e-2","payload":{"amount":"x"}}""", "'amount'")]
    [InlineData("""{"instanceId":"dossier-8","eventName":"subtract","eventId":"e-3"}""", "no event 'subtract'")]
    [InlineData("""{"instanceId":"dossier-8","eventName":"refuse","eventId":"e-4","payload":{"why":"Dossier incomplet."}}""", "Dossier incomplet.")]
    public async Task HandleAsync_EventRefusedByTheWorkflow_DeadLetteredAtOnceWithTheReason_InstanceUnchanged(string text, string reason)
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "dossier-8");
        var handler = new WorkflowEventsHandler(h.Runtime);

        var error = await Assert.ThrowsAsync<PoisonMessageException>(() => handler.HandleAsync(Message(text), CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await h.Runtime.GetStatusAsync("dossier-8"))!.HistoryLength);
    }

    [Fact(Timeout = 30_000)]
    public async Task QueueTrigger_UnknownInstance_RetriedThenDeadLetteredAsInstanceNotFound()
    {
        await using var runtime = await RuntimeHarness.CreateAsync(azurite);
        var options = new QueueTriggerOptions { MinPollingInterval = TimeSpan.FromMilliseconds(20), MaxPollingInterval = TimeSpan.FromMilliseconds(200), VisibilityTimeout = TimeSpan.FromSeconds(1), MaxDequeueCount = 2 };
        await using var h = new ListenerHarness(azurite, options);
        await h.StartAsync(new WorkflowEventsHandler(runtime.Runtime).HandleAsync);

        await h.Queue.SendMessageAsync(MessageText.Encode("""{"instanceId":"nobody","eventName":"add","eventId":"e-1"}""", MessageEncoding.Base64));
        await h.Queue.SendMessageAsync("""{"instanceId":"nobody","eventName":"add"}""");

        await Eventually.HoldsAsync(async () => await h.PoisonCountAsync() == 2, "both messages dead-lettered");
        var letters = (await h.DeadLetters.PeekAsync(h.QueueName)).Select(l => l.Letter).ToList();
        var notFound = Assert.Single(letters, l => l.Reason.Contains("instance not found", StringComparison.Ordinal));
        var malformed = Assert.Single(letters, l => l.Reason.Contains("eventId missing", StringComparison.Ordinal));
        Assert.Equal(2, notFound.DequeueCount);
        Assert.Equal(1, malformed.DequeueCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task HandleAsync_EventBufferedThenRefused_DeadLetteredOnThePoisonQueue_Replayable()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "dossier-9");
        await h.Runtime.SuspendAsync("dossier-9");
        var queue = UniqueNames.Queue("events");
        await h.Runtime.Storage.Queues.GetQueueClient(queue).CreateAsync();
        const string text = """{"instanceId":"dossier-9","eventName":"refuse","eventId":"e-5","payload":{"why":"Place déjà pourvue."}}""";
        var handler = new WorkflowEventsHandler(h.Runtime);

        await handler.HandleAsync(new(queue, "msg-5", text, 1, null, "msg-5"), CancellationToken.None);
        await h.Runtime.ResumeAsync("dossier-9");
        await h.Runtime.SweepOutboxAsync();

        var deadLetters = new DeadLetters(h.Runtime.Storage, MessageEncoding.Base64);
        var listed = Assert.Single(await deadLetters.PeekAsync(queue));
        Assert.Equal(queue, listed.Letter.SourceQueue);
        Assert.Equal(text, await deadLetters.BodyAsync(listed.Letter));
        Assert.Contains("e-5", listed.Letter.Reason, StringComparison.Ordinal);
        Assert.Contains("Place déjà pourvue.", (await h.Runtime.GetWholeHistoryAsync("dossier-9"))![^1].Reason, StringComparison.Ordinal);

        var taken = Assert.Single(await deadLetters.ReceiveAsync(queue, TimeSpan.FromSeconds(30)));
        await deadLetters.ReplayAsync(taken);
        var replayed = Assert.Single((await h.Runtime.Storage.Queues.GetQueueClient(queue).ReceiveMessagesAsync(32)).Value);
        Assert.Equal(text, MessageText.Decode(replayed.MessageText));
        Assert.Empty(await deadLetters.PeekAsync(queue));

        // Handled again as it was: the running instance decides it and refuses it again, with its reason; never deleted as handled.
        var again = await Assert.ThrowsAsync<PoisonMessageException>(() => handler.HandleAsync(new(queue, "msg-6", text, 1, null, "msg-6"), CancellationToken.None));
        Assert.Contains("Place déjà pourvue.", again.Message, StringComparison.Ordinal);
    }
}
